package com.mclass.gateway.classlist;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/** The gateway's copy of the public class list: kept, served and dropped (see the package). */
@Configuration(proxyBeanMethods = false)
class ClassListCaching {

	@Bean
	PublicClassList publicClassList(ClassListCacheProperties properties) {
		return new PublicClassList(properties.ttl(), properties.staleIfError(), properties.maxEntries());
	}

	@Bean
	ClassListKeeping classListKeeping(PublicClassList list, ClassListCacheProperties properties) {
		return new ClassListKeeping(list, properties, Clock.systemUTC());
	}

	@Bean
	ClassListServing classListServing(PublicClassList list, MeterRegistry meters) {
		return new ClassListServing(list, Clock.systemUTC(), meters);
	}

	@Bean
	ClassListChanges classListChanges(ReactiveRedisConnectionFactory connections, PublicClassList list,
			ClassListCacheProperties properties) {
		return new ClassListChanges(connections, list, properties.changedChannel());
	}

}
