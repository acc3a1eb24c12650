package com.mclass.platform.web.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How current the {@link RevocationMirror} is, and how often requests had to ask Redis because it was not: an age
 * that keeps growing past {@code revocation-cache-ttl} means every signed-in request costs a Redis round trip again.
 */
public final class RevocationMirrorMetrics implements MeterBinder {

	private final RevocationMirror mirror;

	public RevocationMirrorMetrics(RevocationMirror mirror) {
		this.mirror = mirror;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("mclass.security.revocations.mirror.age", this.mirror, RevocationMirror::ageSeconds)
			.baseUnit("seconds")
			.description("Time since the last successful poll of revoked sessions was sent")
			.register(registry);
		Gauge.builder("mclass.security.revocations.mirror.sessions", this.mirror, RevocationMirror::size)
			.description("Revoked sessions held in the mirror")
			.register(registry);
		FunctionCounter.builder("mclass.security.revocations.fallback.lookups", this.mirror,
				RevocationMirror::unansweredCount)
			.description("Revocation checks the mirror was too old to answer, passed on to a per-session lookup")
			.register(registry);
	}

}
