package com.mclass.launcher.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mclass.launcher.PlatformService;

import static org.assertj.core.api.Assertions.assertThat;

class JvmSettingsTests {

	@Test
	void hotPathServicesGetALargerHeapAfterTheDefaultsAndBeforeTheUsersOptions() {
		JvmSettings settings = JvmSettings.fromEnvironment(Map.of("MCLASS_JAVA_OPTS", "-Xmx1g -Dfoo=bar"));

		assertThat(settings.forHotPath("-Xmx512m").options()).containsExactly("-XX:+UseSerialGC", "-Xss512k", "-Xmx384m",
				"-Xmx512m", "-Xmx1g", "-Dfoo=bar");
		assertThat(settings.options()).doesNotContain("-Xmx512m");
	}

	@Test
	void everyServiceRunsWithTheFullTieredJit() {
		JvmSettings settings = JvmSettings.fromEnvironment(Map.of());

		assertThat(settings.options()).noneMatch((option) -> option.startsWith("-XX:TieredStopAtLevel"));
		assertThat(settings.forHotPath("-Xmx512m").options()).noneMatch((option) -> option.startsWith("-XX:TieredStopAtLevel"));
	}

	@Test
	void optionsChosenOnPurposeAreKept() {
		JvmSettings custom = new JvmSettings(Path.of("java"), List.of("-Xmx2g"), CdsMode.USE);

		assertThat(custom.forHotPath("-Xmx512m").options()).containsExactly("-Xmx2g");
	}

	@Test
	void theGatewayAndEnrollmentServiceAreTheHotPath() {
		assertThat(List.of(PlatformService.values())).filteredOn(PlatformService::isOnTheHotPath)
			.containsExactlyInAnyOrder(PlatformService.GATEWAY, PlatformService.ENROLLMENT);
	}

	@Test
	void enrollmentServiceHasTheHeapForItsLiveStreams() {
		assertThat(PlatformService.ENROLLMENT.hotPathHeap()).isEqualTo("-Xmx1g");
		assertThat(PlatformService.GATEWAY.hotPathHeap()).isEqualTo("-Xmx512m");
	}

}
