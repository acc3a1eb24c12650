package com.mclass.launcher.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the services' JVMs are started.
 *
 * @param javaExecutable the {@code java} to run them with
 * @param options JVM options before {@code -jar}
 * @param cds whether to use (or create) startup caches
 */
public record JvmSettings(Path javaExecutable, List<String> options, CdsMode cds) {

	/**
	 * For five JVMs on a small machine (two cores): the serial collector (no GC threads), small thread stacks and a
	 * heap cap so that five services plus the launcher fit comfortably in memory, and the JVM's full tiered JIT. C1
	 * alone ({@code -XX:TieredStopAtLevel=1}) was meant to speed up the start but left every service at about half its
	 * warm speed (the rush benchmark: C2 cut the CPU per enroll request from 11.8 ms to 8.0 ms); tiered compilation
	 * starts with C1 anyway and compiles to C2 only what runs hot.
	 */
	public static final List<String> STARTUP_FRIENDLY_OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx384m");

	public JvmSettings {
		options = List.copyOf(options);
	}

	/**
	 * Java from {@code MCLASS_JAVA_HOME} (or the defaults), the startup-friendly options plus
	 * {@code MCLASS_JAVA_OPTS}.
	 */
	public static JvmSettings fromEnvironment(Map<String, String> environment) {
		List<String> options = new ArrayList<>(STARTUP_FRIENDLY_OPTIONS);
		String extra = environment.getOrDefault("MCLASS_JAVA_OPTS", "").strip();
		if (!extra.isEmpty()) {
			// Later options win in HotSpot, so appending lets MCLASS_JAVA_OPTS override the defaults (-Xmx1g).
			options.addAll(Arrays.asList(extra.split("\\s+")));
		}
		return new JvmSettings(JavaRuntime.defaultExecutable(environment), options, CdsMode.USE);
	}

	/**
	 * These settings for a hot-path service: its larger heap ({@code -Xmx512m}) after the startup-friendly defaults, so
	 * that {@code MCLASS_JAVA_OPTS} (which follows them) still wins. Settings that do not start with the defaults were
	 * chosen on purpose and are kept as they are.
	 */
	public JvmSettings forHotPath(String heapOption) {
		int defaults = STARTUP_FRIENDLY_OPTIONS.size();
		if (this.options.size() < defaults || !this.options.subList(0, defaults).equals(STARTUP_FRIENDLY_OPTIONS)) {
			return this;
		}
		List<String> all = new ArrayList<>(STARTUP_FRIENDLY_OPTIONS);
		all.add(heapOption);
		all.addAll(this.options.subList(defaults, this.options.size()));
		return withOptions(all);
	}

	public JvmSettings withJavaExecutable(Path javaExecutable) {
		return new JvmSettings(javaExecutable, this.options, this.cds);
	}

	public JvmSettings withOptions(List<String> options) {
		return new JvmSettings(this.javaExecutable, options, this.cds);
	}

	public JvmSettings withAddedOptions(String... options) {
		List<String> all = new ArrayList<>(this.options);
		all.addAll(Arrays.asList(options));
		return withOptions(all);
	}

	public JvmSettings withCds(CdsMode cds) {
		return new JvmSettings(this.javaExecutable, this.options, cds);
	}

}
