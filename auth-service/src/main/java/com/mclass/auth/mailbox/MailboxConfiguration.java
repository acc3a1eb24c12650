package com.mclass.auth.mailbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class MailboxConfiguration {

	@Bean
	MailboxTokens mailboxTokens(StringRedisTemplate redis) {
		return new MailboxTokens(redis);
	}

	@Bean
	MailQuota mailQuota(StringRedisTemplate redis, MailboxProperties properties) {
		return new MailQuota(redis, properties.mailsPerHour());
	}

}
