package com.mclass.gateway.queue;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The join lane (a pass-through when {@code mclass.gateway.queue-joins.in-flight} is 0). */
@Configuration(proxyBeanMethods = false)
class QueueJoins {

	@Bean
	QueueJoinLane queueJoinLane(QueueJoinProperties properties, MeterRegistry meters) {
		return new QueueJoinLane(properties, meters);
	}

}
