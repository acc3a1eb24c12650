package com.mclass.delivery;

import java.util.Map;
import java.util.TreeMap;

/** The Kafka topics the platform needs, from the services' own configuration and code. */
final class Topics {

	static final int EVENT_PARTITIONS = 3;

	private Topics() {
	}

	/**
	 * Every event topic a service names, with its dead-letter twin ({@code <topic>.DLT}, as ./mclass up creates
	 * them): name to the partitions it needs (events: per-aggregate order over 3 partitions; dead letters: 1).
	 */
	static Map<String, Integer> required() {
		Map<String, Integer> topics = new TreeMap<>();
		for (String service : Repo.deployables()) {
			for (String topic : ServiceConfig.of(service).topics()) {
				String event = topic.endsWith(".DLT") ? topic.substring(0, topic.length() - 4) : topic;
				topics.put(event, EVENT_PARTITIONS);
				topics.put(event + ".DLT", 1);
			}
		}
		return topics;
	}

}
