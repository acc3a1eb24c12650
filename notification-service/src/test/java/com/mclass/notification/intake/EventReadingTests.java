package com.mclass.notification.intake;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import com.mclass.notification.TestEvents;
import com.mclass.notification.TestEvents.Event;
import com.mclass.notification.mail.EmailType;
import com.mclass.notification.mail.EnrollmentNotice;
import com.mclass.notification.mail.EnrollmentStatus;
import com.mclass.notification.mail.AccountLinkNotice;
import com.mclass.notification.mail.EmailType;
import com.mclass.notification.mail.WelcomeNotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How the contract's JSON becomes a notice, and the reason given for each way it can break. */
class EventReadingTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anEnrollmentEventBecomesANoticeAndUnknownFieldsAreIgnored() {
		Event event = TestEvents.enrollment("WAITLIST_PROMOTED", "APPROVED")
			.with("data.previousStatus", "WAITLISTED")
			.with("data.mclass.isOnline", true)
			.with("data.somethingNew", "ignored")
			.with("extension", "ignored");

		EnrollmentNotice notice = EnrollmentEvents.notice(read(event.json()));

		assertThat(notice.type()).isEqualTo(EmailType.WAITLIST_PROMOTED);
		assertThat(notice.status()).isEqualTo(EnrollmentStatus.APPROVED);
		assertThat(notice.recipient().email()).isEqualTo(event.recipient());
		assertThat(notice.recipient().locale()).isEqualTo(Locale.KOREAN);
		assertThat(notice.mclass().title()).isEqualTo("봄 도자기 클래스");
		assertThat(notice.mclass().startAt()).isEqualTo(Instant.parse("2025-03-01T05:00:00Z"));
		assertThat(notice.mclass().online()).isTrue();
		assertThat(notice.reason()).isNull();
	}

	@Test
	void aSeatOfferBecomesANoticeWithItsDeadline() {
		Event event = TestEvents.enrollment("ENROLLMENT_OFFERED", "OFFERED")
			.with("data.previousStatus", "WAITLISTED")
			.with("data.offerExpiresAt", "2025-03-02T05:00:00Z");

		EnrollmentNotice notice = EnrollmentEvents.notice(read(event.json()));

		assertThat(notice.type()).isEqualTo(EmailType.ENROLLMENT_OFFERED);
		assertThat(notice.status()).isEqualTo(EnrollmentStatus.OFFERED);
		assertThat(notice.offerExpiresAt()).isEqualTo(Instant.parse("2025-03-02T05:00:00Z"));
	}

	@Test
	void anAcceptedOfferAndAnExpiredOneAreReadWithTheirPreviousStatusOffered() {
		EnrollmentNotice accepted = EnrollmentEvents.notice(read(TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED")
			.with("data.previousStatus", "OFFERED")
			.json()));
		assertThat(accepted.type()).isEqualTo(EmailType.ENROLLMENT_APPROVED);
		assertThat(accepted.offerExpiresAt()).isNull();

		EnrollmentNotice expired = EnrollmentEvents.notice(read(TestEvents.enrollment("ENROLLMENT_OFFER_EXPIRED", "CANCELED")
			.with("data.previousStatus", "OFFERED")
			.with("data.reason", "OFFER_EXPIRED")
			.json()));
		assertThat(expired.type()).isEqualTo(EmailType.ENROLLMENT_OFFER_EXPIRED);
		assertThat(expired.reason()).as("the mail's text says it; the token is not shown").isNull();
	}

	@Test
	void optionalClassFieldsMayBeMissing() {
		Event event = TestEvents.enrollment("ENROLLMENT_APPLIED", "APPLIED")
			.without("data.mclass.startAt")
			.without("data.mclass.endAt")
			.without("data.mclass.location")
			.without("data.mclass.isOnline")
			.without("data.recipient.name")
			.without("data.recipient.locale");

		EnrollmentNotice notice = EnrollmentEvents.notice(read(event.json()));

		assertThat(notice.mclass().startAt()).isNull();
		assertThat(notice.recipient().name()).isNull();
		assertThat(notice.recipient().locale()).isEqualTo(Locale.KOREAN);
	}

	@Test
	void aUserRegisteredEventBecomesAWelcome() {
		Event event = TestEvents.user("UserRegistered").with("data.locale", "en");

		WelcomeNotice notice = (WelcomeNotice) UserEvents.welcome(read(event.json()));

		assertThat(notice.recipient().email()).isEqualTo(event.recipient());
		assertThat(notice.recipient().locale()).isEqualTo(Locale.ENGLISH);
		assertThat(notice.userId()).isEqualTo(UUID.fromString(event.envelope().path("data").path("userId").asString()));
	}

	@Test
	void aUserRegisteredEventWithAVerificationLinkBecomesTheVerificationMail() {
		Event event = TestEvents.user("UserRegistered").with("data.verificationUrl", "https://mclass.test/api/auth/verify-email?token=t");

		AccountLinkNotice notice = (AccountLinkNotice) UserEvents.welcome(read(event.json()));

		assertThat(notice.type()).isEqualTo(EmailType.EMAIL_VERIFICATION);
		assertThat(notice.link()).hasToString("https://mclass.test/api/auth/verify-email?token=t");
		assertThat(notice.recipient().email()).isEqualTo(event.recipient());
	}

	@Test
	void theTraceparentHeaderWinsOverTheEnvelopeField() {
		Event event = TestEvents.user("UserRegistered").with("traceparent", "00-from-envelope");

		assertThat(IncomingEvent.read("t", event.json(), "00-from-header", json).traceparent()).isEqualTo("00-from-header");
		assertThat(IncomingEvent.read("t", event.json(), null, json).traceparent()).isEqualTo("00-from-envelope");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			[1, 2]                                       | the value is not a JSON object
			{"type":"ENROLLMENT_APPROVED"}               | id is missing
			{"id":42,"type":"ENROLLMENT_APPROVED"}       | id is not a string
			{"id":"1-2-3-4-5","type":"X"}                | id is not a UUID
			{"id":"3f1c2d4e-0000-4000-8000-000000000001"} | type is missing
			""")
	void envelopesBreakingTheContractAreRefusedWithTheReason(String value, String reason) {
		assertThatExceptionOfType(UnprocessableEvent.class).isThrownBy(() -> read(value)).withMessage(reason);
	}

	@Test
	void emptyAndMalformedValuesAreRefused() {
		assertThatExceptionOfType(UnprocessableEvent.class).isThrownBy(() -> read(null)).withMessage("the message has no value");
		assertThatExceptionOfType(UnprocessableEvent.class).isThrownBy(() -> read("{oops"))
			.withMessageStartingWith("the value is not well-formed JSON");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			data                  | null                    | data is not a JSON object
			data.recipient.email  | null                    | data.recipient.email is missing
			data.recipient.email  | ' '                     | data.recipient.email is missing
			data.recipient.email  | not-an-address          | data.recipient.email is not an email address
			data.recipient.email  | Kim <kim@test.mclass>   | data.recipient.email is not an email address
			data.recipient.email  | a@b.test, c@d.test      | data.recipient.email is not an email address
			data.status           | ARCHIVED                | data.status has the unknown value 'ARCHIVED'
			data.status           | null                    | data.status is missing
			data.previousStatus   | GONE                    | data.previousStatus has the unknown value 'GONE'
			data.enrollmentId     | abc                     | data.enrollmentId is not a UUID
			data.mclassId         | null                    | data.mclassId is missing
			data.mclass.title     | null                    | data.mclass.title is missing
			data.mclass.startAt   | 2025-03-01T14:00:00     | data.mclass.startAt is not an ISO-8601 date-time with an offset
			""")
	void enrollmentEventsMissingWhatAnEmailNeedsAreRefusedWithTheField(String path, String value, String reason) {
		Event event = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED").with(path, value);

		assertThatExceptionOfType(UnprocessableEvent.class).isThrownBy(() -> EnrollmentEvents.notice(read(event.json())))
			.withMessage(reason);
	}

	@Test
	void typedFieldsOfTheWrongJsonTypeAreRefused() {
		Event flag = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED").with("data.mclass.isOnline", "yes");
		Event title = TestEvents.enrollment("ENROLLMENT_APPROVED", "APPROVED").with("data.mclass.title", 42);

		assertThatExceptionOfType(UnprocessableEvent.class).isThrownBy(() -> EnrollmentEvents.notice(read(flag.json())))
			.withMessage("data.mclass.isOnline is not a boolean");
		assertThatExceptionOfType(UnprocessableEvent.class).isThrownBy(() -> EnrollmentEvents.notice(read(title.json())))
			.withMessage("data.mclass.title is not a string");
	}

	private static IncomingEvent read(String value) {
		return IncomingEvent.read(TestEvents.ENROLLMENT_TOPIC, value, null, json);
	}

}
