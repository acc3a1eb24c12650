package com.mclass.gateway.redis;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis sits on the gateway's hot path (revoked sessions, rate-limit buckets), so a Redis outage must be noticed in
 * milliseconds, not after a command timeout. Lettuce's default queues commands while it reconnects; rejecting them
 * instead lets the callers apply their policy at once: refuse for revocation checks and the auth endpoints' limit,
 * let through for the ordinary rate limit.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientOptions {

	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
