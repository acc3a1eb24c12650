package com.mclass.notification.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.notification.NotificationIntegrationTest;
import com.mclass.notification.NotificationProperties;
import com.mclass.notification.TestEvents;
import com.mclass.notification.TestSmtp;
import com.mclass.notification.mail.ComposedMail;
import com.mclass.notification.mail.EmailType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender against real PostgreSQL and GreenMail, with the retry schedule compressed to 200 ms, 400 ms, 800 ms:
 * outages are retried on schedule and given up after the last attempt, and competing senders never deliver an email
 * twice.
 */
@NotificationIntegrationTest
class OutboxSenderIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = TestSmtp.server();

	@Autowired
	EmailOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JavaMailSender mail;

	@Autowired
	NotificationProperties properties;

	@Autowired
	NewMailSignal signal;

	@BeforeEach
	void logAttempts() {
		// A test-only trigger writes down every recorded attempt, so the schedule can be checked attempt by attempt
		// without racing the sender to observe each state.
		this.jdbc.sql("create table if not exists test_attempt (email_id uuid, attempts int, status varchar(10), "
				+ "delay_ms bigint, logged_at timestamptz)").update();
		this.jdbc.sql("""
				create or replace function test_log_attempt() returns trigger language plpgsql as $$
				begin
				  if new.attempts <> old.attempts then
				    insert into test_attempt values (new.id, new.attempts, new.status,
				      (extract(epoch from new.next_try_at - new.updated_at) * 1000)::bigint, clock_timestamp());
				  end if;
				  return new;
				end $$""").update();
		this.jdbc.sql("drop trigger if exists test_log_attempt on email_outbox").update();
		this.jdbc.sql("create trigger test_log_attempt after update on email_outbox for each row execute function test_log_attempt()")
			.update();
	}

	@Test
	void whileSmtpIsDownAttemptsFollowTheScheduleAndTheEmailGoesOutOnceItIsBack() {
		smtp.stop();
		String recipient = TestEvents.freshAddress();
		UUID id = queue(recipient);

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> attempts(id).size() >= 2);
		smtp.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == EmailStatus.SENT);
		List<Attempt> attempts = attempts(id);
		assertThat(attempts).as("failures until the server was back, then one success").hasSizeBetween(3, 4);
		assertFollowsTheSchedule(attempts.subList(0, attempts.size() - 1));
		assertThat(attempts.get(attempts.size() - 1).status()).isEqualTo(EmailStatus.SENT);
		EmailView sent = this.outbox.find(id).orElseThrow();
		assertThat(sent.attempts()).isEqualTo(attempts.size());
		assertThat(sent.error()).as("the last failure is kept").contains("Couldn't connect");
		assertThat(sent.processedAt()).isNotNull();
		assertThat(TestSmtp.to(smtp, recipient)).hasSize(1);
	}

	@Test
	void afterTheLastAttemptTheEmailIsGivenUpWithItsErrorAndAnAdminRetrySendsIt() throws Exception {
		smtp.stop();
		String recipient = TestEvents.freshAddress();
		UUID id = queue(recipient);

		await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == EmailStatus.FAILED);
		List<Attempt> attempts = attempts(id);
		assertThat(attempts).extracting(Attempt::status)
			.containsExactly(EmailStatus.PENDING, EmailStatus.PENDING, EmailStatus.PENDING, EmailStatus.FAILED);
		assertFollowsTheSchedule(attempts);
		EmailView failed = this.outbox.find(id).orElseThrow();
		assertThat(failed.attempts()).isEqualTo(4);
		assertThat(failed.error()).contains("MailSendException").contains("Couldn't connect");
		assertThat(failed.processedAt()).isNull();
		Thread.sleep(300);
		assertThat(this.outbox.find(id).orElseThrow().attempts()).as("no attempt after giving up").isEqualTo(4);

		smtp.start();
		EmailView retried = this.outbox.retry(id);
		assertThat(retried.status()).isEqualTo(EmailStatus.PENDING);
		assertThat(retried.attempts()).as("a retry keeps the count").isEqualTo(4);
		await().atMost(Duration.ofSeconds(10)).until(() -> status(id) == EmailStatus.SENT);
		assertThat(this.outbox.find(id).orElseThrow().attempts()).isEqualTo(5);
		assertThat(TestSmtp.to(smtp, recipient)).hasSize(1);
	}

	/**
	 * The n-th failure schedules the next try after the n-th delay (200, 400, 800 ms here), the last one gives up, and
	 * no attempt comes before its time.
	 */
	private static void assertFollowsTheSchedule(List<Attempt> failures) {
		long[] delays = { 200, 400, 800 };
		for (int i = 0; i < failures.size(); i++) {
			Attempt failure = failures.get(i);
			assertThat(failure.attempts()).isEqualTo(i + 1);
			if (failure.status() == EmailStatus.PENDING) {
				assertThat(failure.delayMillis()).as("delay after failure %d", i + 1).isEqualTo(delays[i]);
			}
			if (i > 0) {
				long gap = Duration.between(failures.get(i - 1).loggedAt(), failure.loggedAt()).toMillis();
				assertThat(gap).as("time between attempts %d and %d", i, i + 1).isGreaterThanOrEqualTo(delays[i - 1] - 50);
			}
		}
	}

	@Test
	void competingSendersNeverDeliverAnEmailTwice() throws Exception {
		String domain = "race-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		int emails = 120;
		List<UUID> ids = new ArrayList<>();
		// One transaction: every row becomes due at the same moment, when all senders are already competing.
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < emails; i++) {
				ids.add(queue("r" + i + "@" + domain));
			}
		});
		// Two more senders on the same database, beside the context's own: three replicas in effect.
		List<OutboxSender> replicas = List.of(replica(), replica());
		ExecutorService threads = Executors.newFixedThreadPool(replicas.size());
		try {
			List<Future<Integer>> rounds = new ArrayList<>();
			for (OutboxSender replica : replicas) {
				rounds.add(threads.submit(() -> {
					int claimed = 0;
					long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
					while (pendingAmong(ids) > 0 && System.nanoTime() < deadline) {
						claimed += replica.sendDue();
					}
					return claimed;
				}));
			}
			for (Future<Integer> round : rounds) {
				System.out.println("replica sender claimed " + round.get(40, TimeUnit.SECONDS) + " emails");
			}
		}
		finally {
			threads.shutdownNow();
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> pendingAmong(ids) == 0);
		Thread.sleep(300);
		List<MimeMessage> received = TestSmtp.toDomain(smtp, domain);
		Set<String> distinct = new HashSet<>();
		for (MimeMessage message : received) {
			String id = message.getHeader("X-MClass-Email-Id")[0];
			distinct.add(id);
			assertThat(message.getMessageID()).as("stable across attempts").isEqualTo("<" + id + "@notification.mclass>");
		}
		assertThat(received).hasSize(emails);
		assertThat(distinct).hasSize(emails);
		assertThat(this.jdbc.sql("select count(*) from email_outbox where id in (:ids) and status = 'SENT' and attempts = 1")
			.param("ids", ids)
			.query(Long.class)
			.single()).isEqualTo(emails);
	}

	private OutboxSender replica() {
		return new OutboxSender(this.outbox, this.mail, this.properties, this.signal, new SimpleMeterRegistry(),
				ObservationRegistry.NOOP);
	}

	private UUID queue(String recipient) {
		return this.transactions.execute((status) -> this.outbox.queue(new QueuedEmail(UUID.randomUUID(),
				EmailType.ENROLLMENT_APPROVED, recipient, "ko",
				new ComposedMail("[MClass] 테스트", "<p>테스트</p>", "테스트", "mail/enrollment"), "{}", null)));
	}

	private EmailStatus status(UUID id) {
		return this.outbox.find(id).orElseThrow().status();
	}

	private long pendingAmong(List<UUID> ids) {
		return this.jdbc.sql("select count(*) from email_outbox where id in (:ids) and status = 'PENDING'")
			.param("ids", ids)
			.query(Long.class)
			.single();
	}

	private List<Attempt> attempts(UUID id) {
		return this.jdbc.sql("select attempts, status, delay_ms, logged_at from test_attempt where email_id = :id order by attempts")
			.param("id", id)
			.query((rs, row) -> new Attempt(rs.getInt("attempts"), EmailStatus.valueOf(rs.getString("status")),
					rs.getLong("delay_ms"), rs.getTimestamp("logged_at").toInstant()))
			.list();
	}

	private record Attempt(int attempts, EmailStatus status, long delayMillis, Instant loggedAt) {
	}

}
