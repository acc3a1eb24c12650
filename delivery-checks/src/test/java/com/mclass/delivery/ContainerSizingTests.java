package com.mclass.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Containers sized on purpose (issue 14 #5): every deployment target gives every service a memory limit and a JAVA_OPTS
 * that sets heap, direct memory, metaspace, code cache, GC and processor count explicitly, adding up to less than the
 * limit. A percentage of the container (MaxRAMPercentage) leaves too little for the rest in small containers, and
 * the JVM picks SerialGC below 1,792 MiB and sizes its pools for the node's cores when there is no CPU limit.
 */
class ContainerSizingTests {

	static Stream<Arguments> deployments() {
		List<Arguments> arguments = new ArrayList<>();
		for (String target : Deployments.targets()) {
			for (String service : Repo.deployables()) {
				arguments.add(Arguments.of(target, service));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} / {1}")
	@MethodSource("deployments")
	void heapDirectMemoryAndGcAreExplicitAndFitTheContainer(String target, String service) {
		String options;
		long limit;
		switch (target) {
			case Deployments.COMPOSE -> {
				Map<String, Object> definition = Yamls.map(Yamls.at(Deployments.composeFile(), "services", service));
				options = Deployments.environmentOf(definition.get("environment")).get("JAVA_OPTS");
				limit = ContainerSizing.mebibytes(definition.get("mem_limit"));
			}
			case Deployments.HELM -> {
				Map<String, Object> values = Deployments.effectiveValues(service);
				options = Yamls.string(Yamls.at(values, "env", "JAVA_OPTS"));
				limit = ContainerSizing.mebibytes(Yamls.at(values, "resources", "limits", "memory"));
			}
			default -> {
				var definition = Deployments.platform().path("services").path(service);
				options = definition.path("java_options").asString(null);
				limit = definition.path("memory").asLong(-1);
			}
		}
		assertThat(options).as("JAVA_OPTS of %s in %s", service, target).isNotBlank();
		assertThat(limit).as("memory limit of %s in %s", service, target).isPositive();
		ContainerSizing.Jvm jvm = ContainerSizing.Jvm.of(options);
		assertThat(jvm.maxHeap()).as("-Xmx").isPositive();
		assertThat(jvm.initialHeap()).as("-Xms = -Xmx: the heap is claimed at start, not when the rush comes")
			.isEqualTo(jvm.maxHeap());
		assertThat(jvm.directMemory()).as("-XX:MaxDirectMemorySize (Netty, NIO)").isPositive();
		assertThat(jvm.metaspace()).as("-XX:MaxMetaspaceSize").isPositive();
		assertThat(jvm.codeCache()).as("-XX:ReservedCodeCacheSize").isPositive();
		assertThat(jvm.gc()).as("an explicit -XX:+Use...GC").isIn("G1", "Serial", "Parallel", "Z", "Shenandoah");
		assertThat(jvm.activeProcessors()).as("-XX:ActiveProcessorCount").isPositive();
		assertThat(options).contains("-XX:+ExitOnOutOfMemoryError").doesNotContain("RAMPercentage");
		assertThat(jvm.footprint()).as("heap + direct + metaspace + code cache + %d MiB native, against the %d MiB limit",
				ContainerSizing.NATIVE_HEADROOM_MIB, limit).isLessThanOrEqualTo(limit);
	}

}
