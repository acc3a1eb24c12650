package com.mclass.auth.user;

import java.time.Duration;

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

	/** Sized to the cores: bcrypt is pure CPU, so more threads than cores only make every hash slower. */
	@Bean(destroyMethod = "close")
	HashingPool hashingPool(PasswordProperties properties) {
		int threads = (properties.hashingThreads() > 0) ? properties.hashingThreads() : Runtime.getRuntime().availableProcessors();
		return new HashingPool(threads, properties.hashingQueue(), properties.hashingStartTimeout());
	}

	@Bean
	PasswordPolicy passwordPolicy() {
		return PasswordPolicy.withBundledList();
	}

	/**
	 * @param bcryptCost bcrypt's log2 work factor; chosen so one hash stays under 100 ms on the target hardware
	 * (cost 10 ≈ 50–70 ms on one core of the 2-core reference machine). Raising it by one doubles login CPU.
	 * @param hashingThreads threads hashing passwords; 0 = one per core
	 * @param hashingQueue hashes that may wait for a thread
	 * @param hashingStartTimeout how long a sign-in may wait for a thread before it is answered 503
	 */
	@ConfigurationProperties("mclass.auth.password")
	record PasswordProperties(@DefaultValue("10") int bcryptCost, @DefaultValue("0") int hashingThreads,
			@DefaultValue("256") int hashingQueue, @DefaultValue("2s") Duration hashingStartTimeout) {
	}

}
