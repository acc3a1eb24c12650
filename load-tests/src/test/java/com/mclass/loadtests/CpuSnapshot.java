package com.mclass.loadtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the CPU went during the rush: cumulative CPU ticks of every process on the machine (Linux {@code /proc}),
 * grouped by component, at the start and at the end of the rush. On 2 cores the load generator competes with the
 * platform, so its share is reported like any other. Processes that ended between the snapshots are not counted
 * (the platform's processes and PostgreSQL's pooled backends live through a rush). Elsewhere than on Linux the
 * snapshot is empty and the report says so.
 */
final class CpuSnapshot {

	private final long wallNanos;

	/** Ticks of the whole machine (all CPUs, every state) and of its idle+iowait states, from /proc/stat. */
	private final long machineTicks;

	private final long idleTicks;

	private final Map<Long, Long> ticksByPid;

	private final Map<Long, String> componentByPid;

	private CpuSnapshot(long wallNanos, long machineTicks, long idleTicks, Map<Long, Long> ticksByPid,
			Map<Long, String> componentByPid) {
		this.wallNanos = wallNanos;
		this.machineTicks = machineTicks;
		this.idleTicks = idleTicks;
		this.ticksByPid = ticksByPid;
		this.componentByPid = componentByPid;
	}

	boolean available() {
		return this.machineTicks > 0;
	}

	static CpuSnapshot take() {
		long wall = System.nanoTime();
		long machine = 0;
		long idle = 0;
		Map<Long, Long> ticks = new HashMap<>();
		Map<Long, String> components = new HashMap<>();
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			for (int i = 1; i < cpu.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
				machine += Long.parseLong(cpu[i]);
			}
			idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
			long self = ProcessHandle.current().pid();
			try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
				for (Path process : processes) {
					try {
						String stat = Files.readString(process.resolve("stat"), StandardCharsets.UTF_8);
						int close = stat.lastIndexOf(')');
						String comm = stat.substring(stat.indexOf('(') + 1, close);
						String[] fields = stat.substring(close + 2).split(" ");
						// fields[0] is field 3 (state); utime and stime are fields 14 and 15
						long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						long pid = Long.parseLong(process.getFileName().toString());
						ticks.put(pid, used);
						components.put(pid, component(pid, self, comm, process));
					}
					catch (IOException | RuntimeException ex) {
						// the process ended while we looked
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return new CpuSnapshot(wall, 0, 0, Map.of(), Map.of());
		}
		return new CpuSnapshot(wall, machine, idle, ticks, components);
	}

	private static String component(long pid, long self, String comm, Path process) throws IOException {
		if (pid == self) {
			return "load generator (Gatling JVM)";
		}
		switch (comm) {
			case "postgres":
				return "postgresql";
			case "redis-server":
				return "redis";
			case "pgbench":
				return "pgbench";
			default:
				break;
		}
		if (!comm.equals("java")) {
			return "other";
		}
		String cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
		for (String service : List.of("gateway", "auth-service", "class-service", "enrollment-service", "notification-service")) {
			if (cmdline.contains(service + ".jar") || cmdline.contains("/" + service + "/")) {
				return service;
			}
		}
		if (cmdline.contains("local-launcher")) {
			return "launcher (Kafka, mail sink)";
		}
		if (cmdline.contains("plexus-classworlds")) {
			return "maven";
		}
		return "other java";
	}

	/** One component's CPU over the window between two snapshots. */
	record Usage(String component, double cpuSeconds, double shareOfMachine) {
	}

	/** What the window cost: per component, then the idle rest. */
	record Window(double wallSeconds, int cores, double busyShare, List<Usage> usages) {
	}

	static Window between(CpuSnapshot start, CpuSnapshot end) {
		double wall = (end.wallNanos - start.wallNanos) / 1e9;
		int cores = Runtime.getRuntime().availableProcessors();
		if (!start.available() || !end.available() || wall <= 0) {
			return new Window(wall, cores, Double.NaN, List.of());
		}
		long machine = Math.max(1, end.machineTicks - start.machineTicks);
		long idle = end.idleTicks - start.idleTicks;
		// Ticks per second of all CPUs together: machine ticks / wall time. Converts process ticks into CPU seconds.
		double ticksPerCpuSecond = machine / (wall * cores);
		Map<String, Long> byComponent = new LinkedHashMap<>();
		end.ticksByPid.forEach((pid, ticks) -> {
			long before = start.ticksByPid.getOrDefault(pid, 0L);
			long used = ticks - before;
			if (used > 0) {
				byComponent.merge(end.componentByPid.getOrDefault(pid, "other"), used, Long::sum);
			}
		});
		List<Usage> usages = new ArrayList<>();
		byComponent.forEach((component, ticks) -> usages
			.add(new Usage(component, ticks / ticksPerCpuSecond, (double) ticks / machine)));
		usages.sort((a, b) -> Double.compare(b.cpuSeconds(), a.cpuSeconds()));
		return new Window(wall, cores, 1.0 - (double) idle / machine, usages);
	}

}
