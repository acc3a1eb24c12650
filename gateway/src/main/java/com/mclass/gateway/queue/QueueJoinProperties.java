package com.mclass.gateway.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The join lane ({@code mclass.gateway.queue-joins.*}).
 *
 * @param inFlight joins this gateway has at enrollment-service at once; {@code 0} turns the lane off (every join is
 * passed on at once, as any other request). Default: what the waiting-room bench measured best on the 2-core machine.
 * @param maxWaiting joins waiting for their turn in this gateway; beyond it a join is answered 503 at once
 * @param maxWait how long a join may wait for its turn before it is answered 503 with {@code Retry-After}
 */
@ConfigurationProperties("mclass.gateway.queue-joins")
record QueueJoinProperties(@DefaultValue("2") int inFlight, @DefaultValue("10000") int maxWaiting,
		@DefaultValue("30s") Duration maxWait) {

	QueueJoinProperties {
		if (inFlight < 0 || maxWaiting < 0) {
			throw new IllegalArgumentException("mclass.gateway.queue-joins.in-flight and max-waiting must not be negative");
		}
		if (maxWait.isNegative() || maxWait.isZero()) {
			throw new IllegalArgumentException("mclass.gateway.queue-joins.max-wait must be positive");
		}
	}

	boolean enabled() {
		return this.inFlight > 0;
	}

}
