package com.mclass.notification.mail;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.context.support.ResourceBundleMessageSource;

import com.mclass.notification.NotificationProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates and texts themselves, rendered without a Spring context. */
class MailTemplatesTests {

	private static final UUID MCLASS_ID = UUID.fromString("0c1a55e5-0000-4000-8000-000000000001");

	private final MailTemplates templates = new MailTemplates(engine(), messages(), properties());

	@Test
	void koreanSchedulesAreInSeoulTime() {
		ComposedMail mail = compose(approved(Locale.KOREAN, "2025-03-01T05:00:00Z", "2025-03-01T07:00:00Z"));

		assertThat(mail.text()).contains("- 일정: 2025년 3월 1일 (토) 오후 2:00 ~ 오후 4:00\n");
		assertThat(mail.html()).contains("2025년 3월 1일 (토) 오후 2:00 ~ 오후 4:00");
	}

	@Test
	void englishSchedulesAreInSeoulTimeAndNameTheZone() {
		ComposedMail mail = compose(approved(Locale.ENGLISH, "2025-03-01T05:00:00Z", "2025-03-01T07:00:00Z"));

		assertThat(mail.text()).contains("- When: Sat, Mar 1, 2025, 2:00 PM – 4:00 PM KST\n");
	}

	@Test
	void aClassEndingAfterMidnightInSeoulShowsBothDates() {
		// The same UTC day, but 23:30 to 00:30 in Seoul.
		ComposedMail mail = compose(approved(Locale.KOREAN, "2025-03-01T14:30:00Z", "2025-03-01T15:30:00Z"));

		assertThat(mail.text()).contains("- 일정: 2025년 3월 1일 (토) 오후 11:30 ~ 2025년 3월 2일 (일) 오전 12:30\n");
	}

	@Test
	void withoutAStartTheScheduleLineIsLeftOut() {
		ComposedMail mail = compose(approved(Locale.KOREAN, null, null));

		assertThat(mail.text()).doesNotContain("- 일정:");
		assertThat(mail.html()).doesNotContain(">일정</th>");
	}

	@Test
	void onlineClassesSaySoInsteadOfAPlace() {
		EnrollmentNotice notice = new EnrollmentNotice(EmailType.ENROLLMENT_APPLIED, new Recipient("a@b.test", null, Locale.KOREAN),
				UUID.randomUUID(), MCLASS_ID, EnrollmentStatus.APPLIED, null,
				new ClassDetails("온라인 드로잉", null, null, "Zoom", true));

		ComposedMail mail = compose(notice);

		assertThat(mail.text()).startsWith("안녕하세요.\n").contains("- 장소: 온라인\n").doesNotContain("Zoom");
	}

	@Test
	void theTextPartHasNoMarkupAndTheSameLinks() {
		ComposedMail mail = compose(approved(Locale.KOREAN, "2025-03-01T05:00:00Z", null));

		assertThat(mail.text()).doesNotContain("<").doesNotContain("&amp;")
			.contains("클래스 보기: https://mclass.test/mclasses/" + MCLASS_ID + "\n")
			.contains("내 신청 내역: https://mclass.test/enrollments/my\n");
		assertThat(mail.html()).contains("href=\"https://mclass.test/mclasses/" + MCLASS_ID + "\"");
		assertThat(mail.template()).isEqualTo("mail/enrollment");
	}

	@Test
	void valuesFromTheEventAreEscapedInHtmlButNotInText() {
		EnrollmentNotice notice = new EnrollmentNotice(EmailType.ENROLLMENT_REJECTED,
				new Recipient("a@b.test", "<b>Kim</b>", Locale.KOREAN), UUID.randomUUID(), MCLASS_ID, EnrollmentStatus.REJECTED,
				"정원 초과 & <i>사유</i>", new ClassDetails("A&B <Class>", null, null, null, false));

		ComposedMail mail = compose(notice);

		assertThat(mail.html()).contains("&lt;b&gt;Kim&lt;/b&gt;님").contains("정원 초과 &amp; &lt;i&gt;사유&lt;/i&gt;")
			.contains("A&amp;B &lt;Class&gt;").doesNotContain("<b>Kim").doesNotContain("<i>");
		assertThat(mail.text()).contains("<b>Kim</b>님").contains("- 사유: 정원 초과 & <i>사유</i>");
	}

	@Test
	void subjectsStayOneShortLine() {
		String title = "Line one\r\nBcc: x@y.test\t" + "긴제목".repeat(40);
		EnrollmentNotice notice = new EnrollmentNotice(EmailType.ENROLLMENT_APPROVED, new Recipient("a@b.test", null, Locale.KOREAN),
				UUID.randomUUID(), MCLASS_ID, EnrollmentStatus.APPROVED, null, new ClassDetails(title, null, null, null, false));

		String subject = compose(notice).subject();

		assertThat(subject).doesNotContain("\r").doesNotContain("\n").doesNotContain("\t")
			.startsWith("[MClass] ‘Line one Bcc: x@y.test 긴제목")
			.endsWith("…’ 수강신청이 승인되었습니다");
		assertThat(subject.length()).isLessThan(120);
	}

	@Test
	void aSeatOfferStatesItsDeadlineInSeoulTime() {
		EnrollmentNotice offer = new EnrollmentNotice(EmailType.ENROLLMENT_OFFERED, new Recipient("a@b.test", "김학생", Locale.KOREAN),
				UUID.randomUUID(), MCLASS_ID, EnrollmentStatus.OFFERED, null, new ClassDetails("봄 도자기 클래스", null, null, "공방", false),
				Instant.parse("2025-03-02T05:00:00Z"));

		ComposedMail mail = compose(offer);

		assertThat(mail.subject()).isEqualTo("[MClass] ‘봄 도자기 클래스’ 자리가 생겼습니다. 기한 안에 수락해 주세요");
		assertThat(mail.text()).contains("- 수락 기한: 2025년 3월 2일 (일) 오후 2:00\n").contains("- 상태: 좌석 제안 (수락 대기)\n");
		assertThat(mail.html()).contains("2025년 3월 2일 (일) 오후 2:00");
		ComposedMail english = compose(new EnrollmentNotice(offer.type(), new Recipient("a@b.test", "Kim", Locale.ENGLISH),
				offer.enrollmentId(), MCLASS_ID, offer.status(), null, offer.mclass(), offer.offerExpiresAt()));
		assertThat(english.text()).contains("- Accept by: Sun, Mar 2, 2025, 2:00 PM KST\n");
	}

	@Test
	void mailsOfOtherChangesHaveNoDeadlineLine() {
		ComposedMail mail = compose(approved(Locale.KOREAN, null, null));

		assertThat(mail.text()).doesNotContain("수락 기한");
		assertThat(mail.html()).doesNotContain("수락 기한");
	}

	@Test
	void theWelcomeEmailGreetsByName() {
		ComposedMail mail = compose(new WelcomeNotice(new Recipient("a@b.test", "Jamie", Locale.ENGLISH), UUID.randomUUID()));

		assertThat(mail.subject()).isEqualTo("[MClass] Welcome to MClass");
		assertThat(mail.text()).startsWith("Hello Jamie,\n").contains("Browse classes: https://mclass.test/mclasses\n");
		assertThat(mail.html()).contains("<html lang=\"en\">");
		assertThat(mail.template()).isEqualTo("mail/welcome");
	}

	@Test
	void accountLinkMailsCarryTheirLinkEscapedAndNoName() {
		URI link = URI.create("https://mclass.test/api/auth/verify-email?token=a&b=%22%3E");
		ComposedMail mail = compose(new AccountLinkNotice(EmailType.EMAIL_VERIFICATION,
				new Recipient("a@b.test", "<script>x</script>", Locale.ENGLISH), UUID.randomUUID(), link));

		assertThat(mail.subject()).isEqualTo("[MClass] Verify your e-mail address");
		assertThat(mail.template()).isEqualTo("mail/verification");
		assertThat(mail.text()).startsWith("Hello,\n").contains("Verify e-mail: " + link).doesNotContain("script");
		assertThat(mail.html()).contains("href=\"https://mclass.test/api/auth/verify-email?token=a&amp;b=%22%3E\"")
			.doesNotContain("<script>");
		ComposedMail reset = compose(new AccountLinkNotice(EmailType.PASSWORD_RESET, new Recipient("a@b.test", null, Locale.KOREAN),
				UUID.randomUUID(), URI.create("https://mclass.test/reset-password?token=t")));
		assertThat(reset.subject()).isEqualTo("[MClass] 비밀번호 재설정");
		assertThat(reset.template()).isEqualTo("mail/password-reset");
		assertThat(reset.html()).contains("비밀번호 재설정하기");
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "en, en", "en-US, en", "en_GB, en", "EN, en", "ko, ko", "ko-KR, ko", "ja, ko",
			"english, ko", "'', ko", "null, ko" })
	void englishIsForEnglishLocalesAndKoreanForEveryoneElse(String tag, String language) {
		assertThat(Recipient.languageOf(tag).getLanguage()).isEqualTo(language);
	}

	private ComposedMail compose(Notice notice) {
		return this.templates.compose(notice);
	}

	private static EnrollmentNotice approved(Locale locale, String startAt, String endAt) {
		return new EnrollmentNotice(EmailType.ENROLLMENT_APPROVED, new Recipient("a@b.test", "김학생", locale), UUID.randomUUID(),
				MCLASS_ID, EnrollmentStatus.APPROVED, null, new ClassDetails("봄 도자기 클래스",
						(startAt != null) ? Instant.parse(startAt) : null, (endAt != null) ? Instant.parse(endAt) : null, "공방", false));
	}

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.addTemplateResolver(MailTemplateConfiguration.mailTemplates(TemplateMode.HTML, "mail/*.html", 1));
		engine.addTemplateResolver(MailTemplateConfiguration.mailTemplates(TemplateMode.TEXT, "mail/*.txt", 2));
		engine.setTemplateEngineMessageSource(messages());
		return engine;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	private static NotificationProperties properties() {
		return new NotificationProperties(URI.create("https://mclass.test/"), "no-reply@mclass.test", "MClass",
				ZoneId.of("Asia/Seoul"), List.of(), new NotificationProperties.Topics("e", "u"),
				new NotificationProperties.Sender(false, 10, java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(5)));
	}

}
