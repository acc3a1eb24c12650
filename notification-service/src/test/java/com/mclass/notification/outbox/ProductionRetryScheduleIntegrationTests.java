package com.mclass.notification.outbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.notification.NotificationIntegrationTest;
import com.mclass.notification.NotificationProperties;
import com.mclass.notification.TestEvents;
import com.mclass.notification.TestSmtp;
import com.mclass.notification.mail.ComposedMail;
import com.mclass.notification.mail.EmailType;
import com.mclass.platform.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retry schedule at its real length: the delays come from the service's own {@code application.yml} (what runs in
 * production, not the shared context's compressed test profile), and a {@link MutableClock} stands in for minutes and
 * hours. A sender and outbox on that clock work the same database and SMTP server as the running service; the clock
 * starts a month ahead, so the service's own sender (on the real clock) never finds these emails due.
 */
@NotificationIntegrationTest
class ProductionRetryScheduleIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = TestSmtp.server();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JavaMailSender mail;

	@Autowired
	NewMailSignal signal;

	private final MutableClock clock = new MutableClock(
			Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS));

	private final NotificationProperties production = productionConfiguration();

	private EmailOutbox outbox;

	private OutboxSender sender;

	@BeforeEach
	void senderOnTheTestClock() {
		// Emails other tests left pending would be due on this clock too; the service's sender settles them in moments.
		await().atMost(Duration.ofSeconds(15)).until(() -> this.jdbc
			.sql("select count(*) from email_outbox where status = 'PENDING'").query(Long.class).single() == 0);
		this.outbox = new EmailOutbox(this.jdbc, this.signal, this.clock);
		this.sender = new OutboxSender(this.outbox, this.mail, this.production, this.signal, new SimpleMeterRegistry(),
				ObservationRegistry.NOOP);
	}

	@Test
	void theProductionScheduleIsFiveMinutesFifteenMinutesAndAnHour() {
		assertThat(this.production.retryDelays()).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(15),
				Duration.ofHours(1));
	}

	@Test
	void whileTheServerRefusesEachRetryComesExactlyWhenTheScheduleSaysAndTheEmailGoesOutOnceItAccepts() {
		List<Duration> delays = this.production.retryDelays();
		smtp.stop();
		String recipient = TestEvents.freshAddress();
		UUID id = queue(recipient);

		this.sender.sendDue();
		assertThat(attempts(id)).as("the first attempt, at once").isEqualTo(1);
		for (int failed = 1; failed <= 2; failed++) {
			passJustShortOf(delays.get(failed - 1));
			assertThat(attempts(id)).as("not before the delay after failure %d", failed).isEqualTo(failed);
			this.clock.advance(Duration.ofSeconds(1));
			this.sender.sendDue();
			assertThat(attempts(id)).as("right at the delay after failure %d", failed).isEqualTo(failed + 1);
		}
		assertThat(this.outbox.find(id).orElseThrow().status()).isEqualTo(EmailStatus.PENDING);

		smtp.start();
		passJustShortOf(delays.get(2));
		assertThat(TestSmtp.to(smtp, recipient)).as("nothing sent before the third delay").isEmpty();
		this.clock.advance(Duration.ofSeconds(1));
		this.sender.sendDue();

		EmailView sent = this.outbox.find(id).orElseThrow();
		assertThat(sent.status()).isEqualTo(EmailStatus.SENT);
		assertThat(sent.attempts()).isEqualTo(4);
		assertThat(sent.processedAt()).isEqualTo(this.clock.instant());
		this.clock.advance(Duration.ofDays(1));
		this.sender.sendDue();
		assertThat(TestSmtp.to(smtp, recipient)).as("delivered exactly once").hasSize(1);
	}

	@Test
	void theFailureAfterTheLastDelayGivesTheEmailUpAndNothingIsTriedAfterIt() {
		smtp.stop();
		String recipient = TestEvents.freshAddress();
		UUID id = queue(recipient);
		Instant queuedAt = this.clock.instant();

		this.sender.sendDue();
		for (Duration delay : this.production.retryDelays()) {
			this.clock.advance(delay);
			this.sender.sendDue();
		}

		EmailView given = this.outbox.find(id).orElseThrow();
		assertThat(given.status()).isEqualTo(EmailStatus.FAILED);
		assertThat(given.attempts()).isEqualTo(this.production.retryDelays().size() + 1);
		assertThat(Duration.between(queuedAt, given.updatedAt())).as("given up 5 + 15 + 60 minutes after the first try")
			.isEqualTo(Duration.ofMinutes(80));
		smtp.start();
		this.clock.advance(Duration.ofDays(1));
		this.sender.sendDue();
		assertThat(this.outbox.find(id).orElseThrow().attempts()).isEqualTo(4);
		assertThat(TestSmtp.to(smtp, recipient)).isEmpty();
	}

	/** Moves the clock to one second before {@code delay} from now has passed, and lets the sender look. */
	private void passJustShortOf(Duration delay) {
		this.clock.advance(delay.minusSeconds(1));
		this.sender.sendDue();
	}

	private UUID queue(String recipient) {
		return this.transactions.execute((status) -> this.outbox.queue(new QueuedEmail(UUID.randomUUID(),
				EmailType.ENROLLMENT_APPROVED, recipient, "ko",
				new ComposedMail("[MClass] 재시도 테스트", "<p>재시도</p>", "재시도", "mail/enrollment"), "{}", null)));
	}

	private int attempts(UUID id) {
		return this.outbox.find(id).orElseThrow().attempts();
	}

	/**
	 * {@code mclass.notification.*} as the service's own {@code application.yml} sets it, placeholders resolved to
	 * their defaults (no profile, no environment): the configuration a production deployment starts from.
	 */
	private static NotificationProperties productionConfiguration() {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
				.bind("mclass.notification", NotificationProperties.class)
				.orElseThrow(() -> new IllegalStateException("application.yml has no mclass.notification"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
