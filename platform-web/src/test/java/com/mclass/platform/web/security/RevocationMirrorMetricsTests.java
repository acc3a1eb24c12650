package com.mclass.platform.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.mclass.platform.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationMirrorMetricsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final RevocationMirror mirror = new RevocationMirror(Duration.ofMinutes(17), Duration.ofSeconds(5),
			Duration.ofSeconds(1), this.clock);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void reportsTheMirrorsAgeSizeAndTheChecksItLeftToRedis() {
		new RevocationMirrorMetrics(this.mirror).bindTo(this.registry);
		this.mirror.polled(this.mirror.nextPoll(), List.of("5000000000", "s1", "4999999990"));
		this.clock.advance(Duration.ofMillis(1500));
		this.mirror.answer("s1");
		this.mirror.answer("s2");

		assertThat(this.registry.get("mclass.security.revocations.mirror.age").gauge().value()).isEqualTo(1.5);
		assertThat(this.registry.get("mclass.security.revocations.mirror.sessions").gauge().value()).isEqualTo(1.0);
		assertThat(this.registry.get("mclass.security.revocations.fallback.lookups").functionCounter().count())
			.isEqualTo(2.0);
	}

}
