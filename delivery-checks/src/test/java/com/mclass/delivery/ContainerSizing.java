package com.mclass.delivery;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes as containers and JVMs write them, and what a JAVA_OPTS line asks of a container. */
final class ContainerSizing {

	/** Thread stacks, GC structures, the JVM's own native memory: what the listed pools leave out. */
	static final long NATIVE_HEADROOM_MIB = 150;

	private ContainerSizing() {
	}

	/**
	 * The JVM's memory pools as JAVA_OPTS sets them (MiB; -1 when not set), its garbage collector and processor count.
	 */
	record Jvm(long initialHeap, long maxHeap, long directMemory, long metaspace, long codeCache, String gc,
			int activeProcessors) {

		/** What the JVM may use at most, headroom included. */
		long footprint() {
			return this.maxHeap + this.directMemory + this.metaspace + this.codeCache + NATIVE_HEADROOM_MIB;
		}

		static Jvm of(String options) {
			Matcher gc = Pattern.compile("-XX:\\+Use([A-Za-z0-9]+?)GC\\b").matcher(options);
			Matcher processors = Pattern.compile("-XX:ActiveProcessorCount=(\\d+)").matcher(options);
			return new Jvm(option(options, "-Xms"), option(options, "-Xmx"), option(options, "-XX:MaxDirectMemorySize="),
					option(options, "-XX:MaxMetaspaceSize="), option(options, "-XX:ReservedCodeCacheSize="),
					gc.find() ? gc.group(1) : null, processors.find() ? Integer.parseInt(processors.group(1)) : -1);
		}

		private static long option(String options, String prefix) {
			Matcher value = Pattern.compile("(?:^|\\s)" + Pattern.quote(prefix) + "(\\d+[kKmMgG]?)(?=\\s|$)").matcher(options);
			return value.find() ? mebibytes(value.group(1)) : -1;
		}

	}

	/** {@code 768m}, {@code 1g}, {@code 768Mi}, {@code 1Gi}, {@code 1280} (MiB, Fargate) to MiB; -1 for null. */
	static long mebibytes(Object size) {
		if (size == null) {
			return -1;
		}
		String text = String.valueOf(size).strip().toLowerCase(Locale.ROOT);
		Matcher matcher = Pattern.compile("(\\d+)\\s*(k|ki|kb|m|mi|mb|g|gi|gb)?").matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a memory size: " + size);
		}
		long number = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2).substring(0, 1) : "m";
		return switch (unit) {
			case "k" -> number / 1024;
			case "g" -> number * 1024;
			default -> number;
		};
	}

}
