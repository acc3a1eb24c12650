package com.mclass.auth.session;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.mclass.auth.token.AccessTokens;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	@Bean
	RefreshTokens refreshTokens(StringRedisTemplate redis, Clock clock, SessionProperties properties, AccessTokens accessTokens) {
		// A revoked session must stay listed for as long as any of its access tokens can still be valid.
		return new RefreshTokens(redis, clock, properties.refreshTokenTtl(), accessTokens.ttl().plus(properties.revocationMargin()));
	}

}
