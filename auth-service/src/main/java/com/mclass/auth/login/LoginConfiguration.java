package com.mclass.auth.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

	@Bean
	LoginThrottle loginThrottle(StringRedisTemplate redis, LoginProperties properties) {
		return new LoginThrottle(redis, properties);
	}

	@Bean
	ClientAddresses clientAddresses(LoginProperties properties) {
		return new ClientAddresses(properties.trustedProxies());
	}

}
