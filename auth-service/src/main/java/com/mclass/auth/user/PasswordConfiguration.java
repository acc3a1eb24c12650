package com.mclass.auth.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean
	PasswordHashing passwordHashing(PasswordProperties properties) {
		return new PasswordHashing(properties.bcryptCost());
	}

	@Bean
	PasswordPolicy passwordPolicy() {
		return PasswordPolicy.withBundledList();
	}

	/**
	 * @param bcryptCost bcrypt's log2 work factor; chosen so one hash stays under 100 ms on the target hardware
	 * (cost 10 ≈ 50–70 ms on one core of the 2-core reference machine). Raising it by one doubles login CPU.
	 */
	@ConfigurationProperties("mclass.auth.password")
	record PasswordProperties(@DefaultValue("10") int bcryptCost) {
	}

}
