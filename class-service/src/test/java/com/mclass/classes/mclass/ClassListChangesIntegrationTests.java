package com.mclass.classes.mclass;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.classes.Api;
import com.mclass.classes.ClassServiceIntegrationTest;

import static com.mclass.classes.ClassFixtures.recruitingClass;
import static com.mclass.classes.ClassFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateways hear on the list-changed channel, through a real Redis subscription: one message per committed
 * create, revision and deletion of a class, never before the commit, and none for a change rolled back.
 */
@ClassServiceIntegrationTest
class ClassListChangesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RedisConnectionFactory redis;

	@Autowired
	ClassAdministration administration;

	@Autowired
	PlatformTransactionManager transactions;

	@Value("${mclass.classes.list-changed-channel}")
	String channel;

	private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

	private RedisMessageListenerContainer subscription;

	private Api api;

	@BeforeEach
	void subscribe() {
		this.api = new Api(this.port);
		this.subscription = new RedisMessageListenerContainer();
		this.subscription.setConnectionFactory(this.redis);
		this.subscription.addMessageListener(
				(message, pattern) -> this.heard.add(new String(message.getBody(), StandardCharsets.UTF_8)),
				new ChannelTopic(this.channel));
		this.subscription.afterPropertiesSet();
		this.subscription.start(); // returns once Redis confirmed the subscription
	}

	@AfterEach
	void unsubscribe() throws Exception {
		this.subscription.destroy();
	}

	@Test
	void aCreateARevisionAndADeletionEachPublishOneMessageCarryingTheReplicasChangeCount() throws Exception {
		Api.Reply created = this.api.post("/api/mclasses", Api.admin(), recruitingClass("알림 " + UUID.randomUUID()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long count = Long.parseLong(next());
		assertThat(count).isPositive();

		Map<String, Object> revision = with(recruitingClass("알림 고침 " + UUID.randomUUID()), "version",
				created.data().path("version").asLong());
		assertThat(this.api.put("/api/mclasses/" + created.id(), Api.admin(), revision).status()).isEqualTo(200);
		assertThat(next()).isEqualTo(Long.toString(count + 1));

		assertThat(this.api.delete("/api/mclasses/" + created.id(), Api.admin()).status()).isEqualTo(200);
		assertThat(next()).isEqualTo(Long.toString(count + 2));
		assertThat(this.heard.poll(500, TimeUnit.MILLISECONDS)).as("one message per change").isNull();
	}

	@Test
	void nothingIsPublishedBeforeTheCommitNorForAChangeRolledBack() throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult((status) -> {
			this.administration.create(draft("되돌림 " + UUID.randomUUID()), UUID.randomUUID());
			status.setRollbackOnly();
		});
		assertThat(this.heard.poll(500, TimeUnit.MILLISECONDS)).as("rolled back").isNull();

		transaction.executeWithoutResult((status) -> {
			this.administration.create(draft("커밋 " + UUID.randomUUID()), UUID.randomUUID());
			assertThat(pollQuietly()).as("not before the commit").isNull();
		});
		assertThat(next()).as("after the commit").isNotNull();
		assertThat(this.heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
	}

	private static ClassDraft draft(String title) {
		return Api.json.convertValue(recruitingClass(title), ClassDraft.class);
	}

	private String next() throws InterruptedException {
		String message = this.heard.poll(5, TimeUnit.SECONDS);
		assertThat(message).as("a message on %s", this.channel).isNotNull();
		return message;
	}

	private String pollQuietly() {
		try {
			return this.heard.poll(500, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
