package com.mclass.auth.user;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;
import com.mclass.platform.test.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** User events leave through the outbox and arrive on Kafka exactly once per change, keyed by user id. */
@AuthServiceIntegrationTest
class UserEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	AuthApi api;

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void registeringPublishesOneUserRegisteredThenOneSignupCompletedKeyedByTheUser() {
		String email = AuthApi.uniqueEmail("events");
		Instant before = Instant.now();
		UUID userId = AuthApi.userId(this.api.register(email));
		// Both events were written with the user, in one transaction.
		assertThat(types(userId)).containsExactly("UserRegistered", "SignupCompleted");

		List<ConsumerRecord<String, String>> records = consume(userId, 2);

		assertThat(records).extracting(ConsumerRecord::key).containsOnly(userId.toString());
		JsonNode registered = AuthApi.json.readTree(records.get(0).value());
		JsonNode completed = AuthApi.json.readTree(records.get(1).value());
		assertThat(registered.path("type").asString()).isEqualTo("UserRegistered");
		assertThat(completed.path("type").asString()).isEqualTo("SignupCompleted");
		assertThat(records).filteredOn((record) -> record.value().contains("\"UserRegistered\"")).hasSize(1);
		assertThat(registered.path("id").asString()).isNotEqualTo(completed.path("id").asString());
		assertThat(UUID.fromString(registered.path("id").asString())).isNotNull();
		assertThat(registered.path("specversion").asString()).isEqualTo("1.0");
		assertThat(registered.path("source").asString()).isEqualTo("auth-service");
		assertThat(registered.path("subject").asString()).isEqualTo(userId.toString());
		assertThat(registered.path("dataversion").asInt()).isEqualTo(1);
		assertThat(Instant.parse(registered.path("time").asString())).isAfterOrEqualTo(before.minusSeconds(1));
		JsonNode data = registered.path("data");
		assertThat(data.path("userId").asString()).isEqualTo(userId.toString());
		assertThat(data.path("email").asString()).isEqualTo(email);
		assertThat(data.path("name").asString()).isEqualTo("테스트 사용자");
		assertThat(data.path("locale").asString()).isEqualTo("ko");
		Header traceparent = records.get(0).headers().lastHeader("traceparent");
		assertThat(traceparent).as("the registration request's trace continues through Kafka").isNotNull();
		assertThat(new String(traceparent.value(), StandardCharsets.US_ASCII)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		awaitPublished(userId);
	}

	@Test
	void theLocaleComesFromTheRegistrationsAcceptLanguage() {
		Map<String, Object> body = this.api.registration(AuthApi.uniqueEmail("english"));
		AuthApi.Response response = this.api.post("/api/auth/register", body, Map.of("Accept-Language", "en-GB,en;q=0.8"));
		UUID userId = AuthApi.userId(response.data());

		String payload = JdbcClient.create(this.dataSource)
			.sql("select payload from outbox_event where message_key = ? and type = 'UserRegistered'")
			.param(userId.toString())
			.query(String.class)
			.single();

		assertThat(AuthApi.json.readTree(payload).path("data").path("locale").asString()).isEqualTo("en");
	}

	private List<String> types(UUID userId) {
		return JdbcClient.create(this.dataSource)
			.sql("select type from outbox_event where message_key = ? order by seq")
			.param(userId.toString())
			.query(String.class)
			.list();
	}

	private void awaitPublished(UUID userId) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> JdbcClient.create(this.dataSource)
				.sql("select count(*) from outbox_event where message_key = ? and published_at is null")
				.param(userId.toString())
				.query(Integer.class)
				.single() == 0);
	}

	/** Reads the topic from the start until {@code expected} records with this key arrived, then a little longer. */
	private static List<ConsumerRecord<String, String>> consume(UUID userId, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("mclass.user.events"));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			long settleUntil = Long.MAX_VALUE;
			while (System.nanoTime() < Math.min(deadline, settleUntil)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (userId.toString().equals(record.key())) {
						found.add(record);
					}
				}
				if (found.size() >= expected && settleUntil == Long.MAX_VALUE) {
					// Keep reading briefly: a duplicate would show up now.
					settleUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
				}
			}
		}
		assertThat(found).hasSize(expected);
		return found;
	}

}
