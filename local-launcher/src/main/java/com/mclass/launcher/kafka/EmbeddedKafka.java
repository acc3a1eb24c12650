package com.mclass.launcher.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.mclass.launcher.net.LocalPorts;

/**
 * A real Kafka broker (KRaft, combined broker and controller) running inside the launcher's JVM, with the
 * platform's topics created up front so that no service depends on auto-creation or on who starts first.
 */
public final class EmbeddedKafka implements AutoCloseable {

	/** The event topics of the platform; each has a dead-letter twin named {@code <topic>.DLT}. */
	public static final List<String> EVENT_TOPICS = List.of("mclass.user.events", "mclass.class.events",
			"mclass.enrollment.events");

	static final int EVENT_TOPIC_PARTITIONS = 3;

	static final int DEAD_LETTER_TOPIC_PARTITIONS = 1;

	/*
	 * EmbeddedKafkaKraftBroker ignores kafkaPorts(): Kafka's test kit pre-binds its own listeners on random ports.
	 * A listener it does not know about is bound normally, so the fixed port the services connect to is an extra
	 * listener, and clients that bootstrap through it are told to keep using it.
	 */
	private static final String HOST_LISTENER = "HOST";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

	private final EmbeddedKafkaKraftBroker broker;

	private final int port;

	private EmbeddedKafka(EmbeddedKafkaKraftBroker broker, int port) {
		this.broker = broker;
		this.port = port;
	}

	/**
	 * Starts the broker with its client listener on localhost:{@code port} (0 for a free port) and creates the
	 * topics. Its log directories are in a temporary directory that close() deletes.
	 */
	public static EmbeddedKafka start(int port) {
		// Spring's wrapper writes the broker list into these system properties; keep the launcher's JVM as it was.
		Map<String, String> systemProperties = rememberSystemProperties("spring.kafka.bootstrap-servers",
				EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, EVENT_TOPIC_PARTITIONS);
		// A port fixed up front, even when any would do: after stopBroker() the broker must come back where the
		// services' clients look for it (a listener on port 0 would get another one).
		int hostPort = (port != 0) ? port : LocalPorts.freePort();
		broker.brokerProperty("listeners",
				"EXTERNAL://localhost:0,CONTROLLER://localhost:0," + HOST_LISTENER + "://localhost:" + hostPort);
		broker.brokerProperty("listener.security.protocol.map",
				"EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + HOST_LISTENER + ":PLAINTEXT");
		broker.brokerProperty("auto.create.topics.enable", "false");
		// Single broker: the internal topics cannot have more replicas than brokers.
		broker.brokerProperty("transaction.state.log.replication.factor", "1");
		broker.brokerProperty("transaction.state.log.min.isr", "1");
		broker.brokerProperty("share.coordinator.state.topic.replication.factor", "1");
		broker.brokerProperty("share.coordinator.state.topic.min.isr", "1");
		try {
			startWithoutKafkasShutdownHooks(broker);
			int boundPort = hostListenerPort(broker);
			EmbeddedKafka kafka = new EmbeddedKafka(broker, boundPort);
			kafka.createTopics();
			log.info("Kafka: started an embedded KRaft broker on localhost:{}", boundPort);
			return kafka;
		}
		catch (RuntimeException ex) {
			destroyQuietly(broker);
			throw new IllegalStateException("Could not start the embedded Kafka broker on port " + port + ": "
					+ ex.getMessage(), ex);
		}
		finally {
			restoreSystemProperties(systemProperties);
		}
	}

	/*
	 * Kafka's test kit registers a JVM shutdown hook that deletes the broker's log directory. On Ctrl-C it would run
	 * at the same time as the launcher's own hook and pull the directory from under a broker that is still stopping
	 * (a burst of KafkaStorageException). close() deletes the directory anyway, after the broker has stopped.
	 */
	private static void startWithoutKafkasShutdownHooks(EmbeddedKafkaKraftBroker broker) {
		Exit.setShutdownHookAdder((name, hook) -> log.debug("Not registering Kafka's shutdown hook {}", name));
		try {
			broker.afterPropertiesSet();
		}
		finally {
			Exit.resetShutdownHookAdder();
		}
	}

	private static int hostListenerPort(EmbeddedKafkaKraftBroker broker) {
		return brokerServer(broker).boundPort(new ListenerName(HOST_LISTENER));
	}

	private static BrokerServer brokerServer(EmbeddedKafkaKraftBroker broker) {
		KafkaClusterTestKit cluster = broker.getCluster();
		if (cluster == null) {
			throw new IllegalStateException("the embedded cluster is not running");
		}
		return cluster.brokers().values().iterator().next();
	}

	/**
	 * Stops the broker as a crash or a maintenance stop would look to its clients (fault tests): its listeners close,
	 * while the KRaft controller, the log directories and so every record and committed offset stay. Clients see
	 * refused connections until {@link #startBroker()}.
	 */
	public synchronized void stopBroker() {
		BrokerServer server = brokerServer(this.broker);
		server.shutdown();
		server.awaitShutdown();
		log.info("Kafka: stopped the broker on localhost:{} (controller and log directories kept)", this.port);
	}

	/**
	 * Starts the broker stopped by {@link #stopBroker()} again on the same port and log directories, and returns once it
	 * has caught up with the controller and serves its listeners.
	 */
	public synchronized void startBroker() {
		BrokerServer server = brokerServer(this.broker);
		server.startup();
		int bound = server.boundPort(new ListenerName(HOST_LISTENER));
		if (bound != this.port) {
			throw new IllegalStateException("the restarted broker listens on " + bound + ", not on " + this.port);
		}
		log.info("Kafka: started the broker again on localhost:{}", this.port);
	}

	private void createTopics() {
		this.broker.addTopics(Stream.concat(
				EVENT_TOPICS.stream().map((topic) -> new NewTopic(topic, EVENT_TOPIC_PARTITIONS, (short) 1)),
				EVENT_TOPICS.stream()
					.map((topic) -> new NewTopic(topic + ".DLT", DEAD_LETTER_TOPIC_PARTITIONS, (short) 1)))
			.toArray(NewTopic[]::new));
	}

	/** {@code localhost:<port>}, for {@code spring.kafka.bootstrap-servers}. */
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		this.broker.destroy();
		log.info("Kafka: stopped the embedded broker");
	}

	private static void destroyQuietly(EmbeddedKafkaKraftBroker broker) {
		try {
			broker.destroy();
		}
		catch (RuntimeException ex) {
			log.debug("Could not stop a half-started Kafka broker", ex);
		}
	}

	private static Map<String, String> rememberSystemProperties(String... names) {
		Map<String, String> values = new HashMap<>();
		for (String name : names) {
			values.put(name, System.getProperty(name));
		}
		return values;
	}

	private static void restoreSystemProperties(Map<String, String> values) {
		values.forEach((name, value) -> Optional.ofNullable(value)
			.ifPresentOrElse((present) -> System.setProperty(name, present), () -> System.clearProperty(name)));
	}

}
