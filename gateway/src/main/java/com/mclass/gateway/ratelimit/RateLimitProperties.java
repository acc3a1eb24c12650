package com.mclass.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets counted in each gateway's memory ({@link TokenBuckets}): each key may send {@code burstCapacity}
 * requests at once and {@code replenishRate} per second after that. Defaults live in {@code application.yml} with
 * their environment variables.
 *
 * @param user per signed-in user (per client address for anonymous callers) on every routed service
 * @param auth per client address on the endpoints that hand out tokens (register, login, refresh, social login)
 * @param replicas how many gateway instances share the traffic: each enforces its share of the limits above
 */
@ConfigurationProperties("mclass.gateway.rate-limit")
record RateLimitProperties(Bucket user, Bucket auth, @DefaultValue("1") int replicas) {

	RateLimitProperties {
		if (replicas < 1) {
			throw new IllegalArgumentException("mclass.gateway.rate-limit.replicas must be at least 1, not " + replicas);
		}
	}

	record Bucket(int replenishRate, long burstCapacity) {

		Bucket {
			if (replenishRate < 1 || burstCapacity < replenishRate) {
				throw new IllegalArgumentException("A rate limit needs replenish-rate >= 1 and burst-capacity >= "
						+ "replenish-rate, not " + replenishRate + " and " + burstCapacity);
			}
		}

	}

}
