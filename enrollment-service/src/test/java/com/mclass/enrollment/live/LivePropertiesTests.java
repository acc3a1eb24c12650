package com.mclass.enrollment.live;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LivePropertiesTests {

	private static final long MB = 1024 * 1024;

	@Test
	void theStreamLimitIsSizedToTheHeapWhenNotSet() {
		assertThat(LiveProperties.streamsFor(512 * MB)).isEqualTo(2048);
		assertThat(LiveProperties.streamsFor(1024 * MB)).isEqualTo(6144);
		assertThat(LiveProperties.streamsFor(128 * MB)).as("a tiny heap still serves a few").isEqualTo(100);
		assertThat(properties(0).maxStreams()).isEqualTo(LiveProperties.streamsFor(Runtime.getRuntime().maxMemory()));
	}

	@Test
	void aLimitSetOnPurposeIsKeptAndANegativeOneRefused() {
		assertThat(properties(7).maxStreams()).isEqualTo(7);
		assertThatIllegalArgumentException().isThrownBy(() -> properties(-1)).withMessageContaining("max-streams");
	}

	private static LiveProperties properties(int maxStreams) {
		return new LiveProperties("c", "g", Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ofSeconds(1),
				Duration.ofMinutes(30), Duration.ofSeconds(2), 50, Duration.ofHours(24), maxStreams, Duration.ofSeconds(2));
	}

}
