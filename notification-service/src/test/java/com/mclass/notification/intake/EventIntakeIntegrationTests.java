package com.mclass.notification.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import com.mclass.notification.NotificationIntegrationTest;
import com.mclass.notification.TestEvents;
import com.mclass.notification.TestEvents.Event;
import com.mclass.notification.TestSmtp;
import com.mclass.notification.mail.EmailType;
import com.mclass.notification.outbox.EmailOutbox;
import com.mclass.notification.outbox.EmailStatus;
import com.mclass.notification.outbox.EmailView;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events published as JSON to the embedded broker, consumed by the running service, delivered to GreenMail: one
 * event, one email, in the recipient's language, however often the event arrives; what cannot be read lands on the
 * dead-letter topic without holding up the partition.
 */
@NotificationIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EventIntakeIntegrationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = TestSmtp.server();

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	Inbox inbox;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	EventIntake intake;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void listening() {
		TestEvents.awaitListening(this.listeners);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ENROLLMENT_APPLIED    | APPLIED    | 수강신청이 접수되었습니다              | 신청 접수 (검토 중)
			ENROLLMENT_APPROVED   | APPROVED   | 수강신청이 승인되었습니다              | 승인
			ENROLLMENT_REJECTED   | REJECTED   | 수강신청이 승인되지 않았습니다          | 거절
			ENROLLMENT_WAITLISTED | WAITLISTED | 대기자로 등록되었습니다                | 대기
			ENROLLMENT_CANCELED   | CANCELED   | 수강신청이 취소되었습니다              | 취소
			WAITLIST_PROMOTED     | APPROVED   | 대기 중이던 수강신청이 승인되었습니다    | 승인
			ENROLLMENT_OFFERED    | OFFERED    | 자리가 생겼습니다. 기한 안에 수락해 주세요 | 좌석 제안 (수락 대기)
			ENROLLMENT_OFFER_DECLINED | CANCELED | 자리 제안을 거절하셨습니다          | 취소
			ENROLLMENT_OFFER_EXPIRED  | CANCELED | 자리 제안의 수락 기한이 지났습니다    | 취소
			""")
	void eachEnrollmentEventSendsOneEmailInKoreanByDefault(String type, String status, String subjectEnding,
			String statusLabel) throws Exception {
		Event event = TestEvents.enrollment(type, status).publish();

		MimeMessage mail = theOnlyEmailTo(event.recipient());
		assertThat(mail.getSubject()).isEqualTo("[MClass] ‘봄 도자기 클래스’ " + subjectEnding);
		TestSmtp.Parts parts = TestSmtp.parts(mail);
		assertThat(parts.contentType()).startsWith("multipart/alternative");
		assertThat(parts.text()).contains("김학생님, 안녕하세요.")
			.contains("- 일정: 2025년 3월 1일 (토) 오후 2:00 ~ 오후 4:00")
			.contains("- 장소: 서울 성동구 공방")
			.contains("- 상태: " + statusLabel)
			.contains("https://mclass.test/mclasses/" + event.envelope().path("data").path("mclassId").asString())
			.doesNotContain("<");
		assertThat(parts.html()).contains("<html lang=\"ko\">")
			.contains("봄 도자기 클래스")
			.contains(statusLabel)
			.contains("href=\"https://mclass.test/enrollments/my\"");
		assertThat(this.outbox.findByEvent(event.id())).get()
			.satisfies((email) -> assertThat(email.status()).isEqualTo(EmailStatus.SENT))
			.satisfies((email) -> assertThat(email.locale()).isEqualTo("ko"));
	}

	@Test
	void aSeatOfferSaysUntilWhenItCanBeAccepted() throws Exception {
		Event event = TestEvents.enrollment("ENROLLMENT_OFFERED", "OFFERED")
			.with("data.previousStatus", "WAITLISTED")
			.with("data.offerExpiresAt", "2025-03-02T05:00:00Z")
			.publish();

		TestSmtp.Parts parts = TestSmtp.parts(theOnlyEmailTo(event.recipient()));
		assertThat(parts.text()).contains("- 수락 기한: 2025년 3월 2일 (일) 오후 2:00");
	}

	@Test
	void englishRecipientsGetEnglishWithTheReasonAndTheZoneNamed() throws Exception {
		Event event = TestEvents.enrollment("ENROLLMENT_REJECTED", "REJECTED")
			.with("data.recipient.locale", "en-US")
			.with("data.recipient.name", "Jamie")
			.with("data.mclass.title", "Spring Pottery")
			.with("data.reason", "The class is for beginners only.")
			.publish();

		MimeMessage mail = theOnlyEmailTo(event.recipient());
		assertThat(mail.getSubject()).isEqualTo("[MClass] Your application for \"Spring Pottery\" was not approved");
		TestSmtp.Parts parts = TestSmtp.parts(mail);
		assertThat(parts.text()).contains("Hello Jamie,")
			.contains("- When: Sat, Mar 1, 2025, 2:00 PM – 4:00 PM KST")
			.contains("- Status: Not approved")
			.contains("- Reason: The class is for beginners only.");
		assertThat(parts.html()).contains("<html lang=\"en\">").contains("The class is for beginners only.");
	}

	@Test
	void classTitlesAndReasonsCannotInjectMarkupOrHeaders() throws Exception {
		Event event = TestEvents.enrollment("ENROLLMENT_CANCELED", "CANCELED")
			.with("data.mclass.title", "<script>alert('x')</script> & \"Co\"\r\nBcc: victim@example.com")
			.with("data.reason", "<img src=x onerror=alert(1)>")
			.publish();

		MimeMessage mail = theOnlyEmailTo(event.recipient());
		assertThat(mail.getSubject()).doesNotContain("\n").doesNotContain("\r").startsWith("[MClass] ‘<script>");
		assertThat(mail.getHeader("Bcc")).isNull();
		String html = TestSmtp.parts(mail).html();
		assertThat(html).doesNotContain("<script>").doesNotContain("<img")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
			.contains("&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void userRegisteredSendsTheWelcomeEmailInKoreanWhenNoLocaleIsGiven() throws Exception {
		Event event = TestEvents.user("UserRegistered").publish();

		MimeMessage mail = theOnlyEmailTo(event.recipient());
		assertThat(mail.getSubject()).isEqualTo("[MClass] 가입을 환영합니다");
		TestSmtp.Parts parts = TestSmtp.parts(mail);
		assertThat(parts.text()).contains("이사용자님, 안녕하세요.").contains("https://mclass.test/mclasses");
		assertThat(parts.html()).contains("MClass에 오신 것을 환영합니다");
	}

	@Test
	void aLocalAccountsWelcomeIsTheVerificationMailWithItsLinkAndNothingTheRegistrantTyped() throws Exception {
		String link = "https://mclass.test/api/auth/verify-email?token=Zm9vYmFy_-x";
		Event event = TestEvents.user("UserRegistered")
			.with("data.name", "<a href=\"https://evil.example\">Claim your prize</a>")
			.with("data.verificationUrl", link)
			.publish();

		MimeMessage mail = theOnlyEmailTo(event.recipient());
		assertThat(mail.getSubject()).isEqualTo("[MClass] 이메일 주소를 인증해 주세요");
		TestSmtp.Parts parts = TestSmtp.parts(mail);
		assertThat(parts.html()).contains("href=\"" + link + "\"").doesNotContain("evil.example").doesNotContain("Claim your prize");
		assertThat(parts.text()).contains(link).doesNotContain("evil.example").startsWith("안녕하세요.");
		assertThat(this.outbox.findByEvent(event.id())).hasValueSatisfying((email) -> assertThat(email.type()).isEqualTo(EmailType.EMAIL_VERIFICATION));
	}

	@Test
	void verificationAndPasswordResetRequestsSendTheirMailInTheRecipientsLanguage() throws Exception {
		Event verification = TestEvents.user("EmailVerificationRequested")
			.with("data.verificationUrl", "https://mclass.test/api/auth/verify-email?token=again")
			.publish();
		Event reset = TestEvents.user("PasswordResetRequested")
			.with("data.locale", "en")
			.with("data.resetUrl", "https://mclass.test/reset-password?token=r3set")
			.publish();

		assertThat(theOnlyEmailTo(verification.recipient()).getSubject()).isEqualTo("[MClass] 이메일 주소를 인증해 주세요");
		MimeMessage resetMail = theOnlyEmailTo(reset.recipient());
		assertThat(resetMail.getSubject()).isEqualTo("[MClass] Reset your password");
		assertThat(TestSmtp.parts(resetMail).text()).contains("Reset password: https://mclass.test/reset-password?token=r3set")
			.contains("If you did not ask for this");
	}

	@Test
	void aMailLinkThatIsNotAnHttpUrlIsADeadLetter() {
		Event bad = TestEvents.user("PasswordResetRequested").with("data.resetUrl", "javascript:alert(1)");

		bad.publish();

		ConsumerRecord<String, String> deadLetter = await().atMost(Duration.ofSeconds(10))
			.until(() -> TestEvents.deadLetters(TestEvents.USER_TOPIC + ".DLT")
				.stream()
				.filter((record) -> bad.json().equals(record.value()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(header(deadLetter, "mclass_dlt-reason")).startsWith("data.resetUrl is not an http(s) URL");
		assertThat(TestSmtp.to(smtp, bad.recipient())).isEmpty();
	}

	@Test
	void signupCompletedIsRecordedWithoutAnEmail() {
		Event event = TestEvents.user("SignupCompleted").publish();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.inbox.outcomeOf(event.id()).isPresent());
		assertThat(this.inbox.outcomeOf(event.id())).contains(InboxOutcome.NO_EMAIL);
		assertThat(this.outbox.findByEvent(event.id())).isEmpty();
	}

	@Test
	void unknownTypesAreRecordedAsIgnoredWithoutEmailOrDeadLetter() {
		Event event = TestEvents.enrollment("ENROLLMENT_ARCHIVED", "CANCELED").publish();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.inbox.outcomeOf(event.id()).isPresent());
		assertThat(this.inbox.outcomeOf(event.id())).contains(InboxOutcome.IGNORED);
		assertThat(this.outbox.findByEvent(event.id())).isEmpty();
		assertThat(TestEvents.deadLetters(TestEvents.ENROLLMENT_TOPIC + ".DLT"))
			.noneMatch((record) -> record.value() != null && record.value().contains(event.id().toString()));
	}

	@Test
	void aRedeliveredEventSendsOneEmail() throws Exception {
		Event event = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED");
		for (int i = 0; i < 3; i++) {
			event.publish();
		}
		TestEvents.awaitHandled();

		assertThat(this.jdbc.sql("SELECT outcome FROM processed_event WHERE event_id = ?").param(event.id()).query(String.class).list())
			.as("the inbox kept the first copy only").containsExactly("EMAIL_QUEUED");
		theOnlyEmailTo(event.recipient());
	}

	@Test
	void oneEventDeliveredInParallelSendsOneEmail() throws Exception {
		Event event = TestEvents.enrollment("ENROLLMENT_WAITLISTED", "WAITLISTED");
		String value = event.json();
		// Different keys spread the copies over every partition, so several consumers handle them at the same time...
		for (int i = 0; i < 6; i++) {
			TestEvents.publish(TestEvents.ENROLLMENT_TOPIC, "key-" + i, value, Map.of());
		}
		// ...and eight threads race on the inbox directly, released together.
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Callable<Object> receive = () -> {
					start.await();
					this.intake.receive(TestEvents.ENROLLMENT_TOPIC, value, null);
					return null;
				};
				results.add(threads.submit(receive));
			}
			start.countDown();
			for (Future<Object> result : results) {
				result.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		TestEvents.awaitHandled();

		theOnlyEmailTo(event.recipient());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			not-json          | the value is not well-formed JSON
			no-recipient      | data.recipient.email is missing
			bad-recipient     | data.recipient.email is not an email address
			unknown-status    | data.status has the unknown value 'ARCHIVED'
			short-id          | id is not a UUID
			local-time        | data.mclass.startAt is not an ISO-8601 date-time with an offset
			""")
	void unreadableEventsGoToTheDeadLetterTopicAndThePartitionMovesOn(String defect, String reason) throws Exception {
		Event good = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED");
		Event bad = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED");
		String value = switch (defect) {
			case "not-json" -> "{\"id\": \"" + bad.id() + "\", oops";
			case "no-recipient" -> bad.without("data.recipient.email").json();
			case "bad-recipient" -> bad.with("data.recipient.email", "Someone <a@b.test>, c@d.test").json();
			case "unknown-status" -> bad.with("data.status", "ARCHIVED").json();
			case "short-id" -> bad.with("id", "1-2-3-4-5").with("data.reason", bad.key()).json();
			case "local-time" -> bad.with("data.mclass.startAt", "2025-03-01T14:00:00").json();
			default -> throw new IllegalArgumentException(defect);
		};
		// Same key as the good event that follows: same partition, which must not stay stuck on the bad one.
		TestEvents.publish(TestEvents.ENROLLMENT_TOPIC, good.key(), value, Map.of());
		TestEvents.publish(good.topic(), good.key(), good.json(), Map.of());

		theOnlyEmailTo(good.recipient());
		ConsumerRecord<String, String> deadLetter = await().atMost(Duration.ofSeconds(10))
			.until(() -> TestEvents.deadLetters(TestEvents.ENROLLMENT_TOPIC + ".DLT")
				.stream()
				.filter((record) -> value.equals(record.value()))
				.findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(deadLetter.key()).isEqualTo(good.key());
		assertThat(header(deadLetter, "mclass_dlt-reason")).startsWith(reason);
		assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).isNotBlank();
		assertThat(header(deadLetter, "kafka_dlt-exception-message")).contains(reason);
		assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(TestEvents.ENROLLMENT_TOPIC);
		assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
		assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
		if (!defect.equals("not-json") && !defect.equals("short-id")) {
			assertThat(this.inbox.outcomeOf(bad.id())).isEmpty();
		}
	}

	@Test
	void aTransientDatabaseFailureIsRetriedUntilTheEventGoesThrough() throws Exception {
		Event event = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED");
		// The inbox insert of this one event fails twice with a serialization failure (SQLSTATE 40001), as under load.
		// A sequence counts the failures: unlike a table, it is not rolled back with the failing transaction.
		this.jdbc.sql("create table if not exists test_flaky_event (event_id uuid primary key)").update();
		this.jdbc.sql("drop sequence if exists test_flaky_failures").update();
		this.jdbc.sql("create sequence test_flaky_failures").update();
		this.jdbc.sql("insert into test_flaky_event values (:id)").param("id", event.id()).update();
		this.jdbc.sql("""
				create or replace function test_flaky_inbox() returns trigger language plpgsql as $$
				begin
				  if exists (select 1 from test_flaky_event where event_id = new.event_id)
				     and nextval('test_flaky_failures') <= 2 then
				    raise exception 'simulated serialization failure' using errcode = '40001';
				  end if;
				  return new;
				end $$""").update();
		this.jdbc.sql("drop trigger if exists test_flaky_inbox on processed_event").update();
		this.jdbc.sql("create trigger test_flaky_inbox before insert on processed_event for each row execute function test_flaky_inbox()")
			.update();
		try {
			event.publish();

			theOnlyEmailTo(event.recipient());
			assertThat(this.jdbc.sql("select last_value from test_flaky_failures").query(Long.class).single())
				.as("two failed attempts, then the one that went through")
				.isEqualTo(3);
			assertThat(this.inbox.outcomeOf(event.id())).contains(InboxOutcome.EMAIL_QUEUED);
			assertThat(TestEvents.deadLetters(TestEvents.ENROLLMENT_TOPIC + ".DLT"))
				.noneMatch((record) -> record.value() != null && record.value().contains(event.id().toString()));
		}
		finally {
			this.jdbc.sql("drop trigger if exists test_flaky_inbox on processed_event").update();
		}
	}

	@Test
	void theTraceStartedUpstreamContinuesIntoTheSend(CapturedOutput output) throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		Event event = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED")
			.publish(Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

		theOnlyEmailTo(event.recipient());
		EmailView email = this.outbox.findByEvent(event.id()).orElseThrow();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getAll().lines()
				.filter((line) -> line.contains("Sent email " + email.id()))
				.findFirst()).hasValueSatisfying((line) -> assertThat(line).contains(traceId)));
		assertThat(output.getAll().lines().filter((line) -> line.contains("Event " + event.id() + " (ENROLLMENT_APPROVED) handled")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains(traceId));
	}

	@Test
	void anEventReachesTheMailboxWithinFiveSeconds() throws Exception {
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Event event = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED");
			long start = System.nanoTime();
			event.publish();
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> !TestSmtp.to(smtp, event.recipient()).isEmpty());
			latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
		}
		List<Long> sorted = latencies.stream().sorted().toList();
		System.out.printf("event -> mailbox latency over %d events: min %d ms, median %d ms, max %d ms %s%n", sorted.size(),
				sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), latencies);
		assertThat(sorted.get(sorted.size() - 1)).isLessThan(5000);
	}

	/** Waits for the email, then makes sure no second one follows. */
	/**
	 * The one email to {@code address}, once every outbox row for it has been sent: with nothing pending, no further
	 * email to it can come, so the count is final without sleeping.
	 */
	private MimeMessage theOnlyEmailTo(String address) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc.sql(
				"SELECT count(*) FROM email_outbox WHERE recipient = ? AND status = 'PENDING'").param(address).query(Long.class).single() == 0
				&& !TestSmtp.to(smtp, address).isEmpty());
		assertThat(this.jdbc.sql("SELECT count(*) FROM email_outbox WHERE recipient = ?").param(address).query(Long.class).single())
			.as("outbox rows to %s", address).isEqualTo(1);
		List<MimeMessage> received = TestSmtp.to(smtp, address);
		assertThat(received).as("emails to %s", address).hasSize(1);
		return received.get(0);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), UTF_8) : null;
	}

}
