package com.mclass.platform.test;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The embedded KRaft broker shared by the tests of one JVM, started on first use and stopped at JVM exit. */
public final class KafkaBroker {

	private static EmbeddedKafkaBroker broker;

	private KafkaBroker() {
	}

	public static synchronized EmbeddedKafkaBroker get() {
		if (broker == null) {
			EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
			started.brokerProperty("auto.create.topics.enable", "true");
			started.brokerProperty("num.partitions", "3");
			started.brokerProperty("group.initial.rebalance.delay.ms", "0");
			started.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-stop"));
			broker = started;
		}
		return broker;
	}

	public static String bootstrapServers() {
		return get().getBrokersAsString();
	}

}
