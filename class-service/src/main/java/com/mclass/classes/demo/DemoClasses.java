package com.mclass.classes.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import com.mclass.classes.form.EnrollmentForms;
import com.mclass.classes.form.FormDraft;
import com.mclass.classes.form.PublishingForm;
import com.mclass.classes.mclass.ClassAdministration;
import com.mclass.classes.mclass.ClassDraft;
import com.mclass.classes.mclass.MClasses;
import com.mclass.classes.mclass.SelectionType;
import com.mclass.classes.mclass.Visibility;
import com.mclass.formrules.Question.AnswerConstraints;
import com.mclass.formrules.QuestionDraft;

/**
 * Demo classes for local runs ({@code mclass.demo-data.enabled=true}, which the local launcher sets through
 * {@code MCLASS_DEMO_DATA_ENABLED}): one first-come class recruiting now (200 seats, 100 waitlist places, a form),
 * one reviewed class, one whose recruiting has not started, one UNLISTED. Fixed ids make it idempotent: a class that
 * exists, even deleted, is left alone. They go through the same use cases as an admin's requests, so their events are
 * published like any other.
 */
@Component
@ConditionalOnProperty(name = "mclass.demo-data.enabled", havingValue = "true")
class DemoClasses implements ApplicationRunner {

	static final UUID FIRST_COME_ID = UUID.fromString("5eed0000-0000-4000-8000-000000000001");

	static final UUID REVIEW_ID = UUID.fromString("5eed0000-0000-4000-8000-000000000002");

	static final UUID UPCOMING_ID = UUID.fromString("5eed0000-0000-4000-8000-000000000003");

	static final UUID UNLISTED_ID = UUID.fromString("5eed0000-0000-4000-8000-000000000004");

	private static final Logger log = LoggerFactory.getLogger(DemoClasses.class);

	private final ClassAdministration administration;

	private final PublishingForm publishing;

	private final MClasses classes;

	private final EnrollmentForms forms;

	private final Clock clock;

	private final UUID adminId;

	DemoClasses(ClassAdministration administration, PublishingForm publishing, MClasses classes, EnrollmentForms forms, Clock clock,
			@Value("${mclass.demo-data.admin-id:5eed0000-0000-4000-8000-0000000000ad}") UUID adminId) {
		this.administration = administration;
		this.publishing = publishing;
		this.classes = classes;
		this.forms = forms;
		this.clock = clock;
		this.adminId = adminId;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		seed();
	}

	/** Creates whatever demo class or form is missing; returns how many classes it created. */
	int seed() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		int created = 0;
		for (DemoClass demo : demoClasses(now)) {
			if (!this.classes.existsById(demo.id()) && create(demo)) {
				created++;
			}
			if (demo.form() != null && this.classes.findActive(demo.id()).isPresent() && this.forms.findActive(demo.id()).isEmpty()) {
				this.publishing.publish(demo.id(), demo.form(), this.adminId);
			}
		}
		if (created > 0) {
			log.info("Created {} demo classes", created);
		}
		return created;
	}

	private boolean create(DemoClass demo) {
		try {
			this.administration.create(demo.id(), demo.draft(), this.adminId);
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			// Another replica seeded the same id a moment ago.
			return false;
		}
	}

	private record DemoClass(UUID id, ClassDraft draft, FormDraft form) {
	}

	private static List<DemoClass> demoClasses(Instant now) {
		return List.of(
				new DemoClass(FIRST_COME_ID, draft("스프링 부트로 만드는 수강신청 백엔드 (선착순)",
						"선착순 200명, 대기 100명. 동시성 제어와 멱등성, 아웃박스 패턴을 실습합니다.", 200, 100, true,
						Visibility.PUBLIC, "서울 강남구 테헤란로 123, 8층", 50_000, false, SelectionType.FIRST_COME,
						now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(21)), Duration.ofHours(3)),
						new FormDraft("수강 신청서", "수업 준비를 위해 몇 가지만 알려 주세요.", List.of(
								new QuestionDraft("name", "text", "이름", true, null, "홍길동", new AnswerConstraints(1, 50, null)),
								new QuestionDraft("phone", "phone", "휴대전화 번호", true, null, "010-1234-5678", null),
								new QuestionDraft("email", "email", "이메일", true, null, "you@example.com", null),
								new QuestionDraft("level", "radio", "자바 경험", true, List.of("처음입니다", "1년 미만", "1년 이상"), null, null),
								new QuestionDraft("interests", "checkbox", "관심 분야", false, List.of("백엔드", "데이터베이스", "메시징", "운영"), null, null),
								new QuestionDraft("motivation", "textarea", "수강 동기", false, null, "자유롭게 적어 주세요", new AnswerConstraints(null, 1_000, null)),
								new QuestionDraft("privacy", "agreeTerms", "개인정보 수집 및 이용에 동의합니다", true, null, null, null)))),
				new DemoClass(REVIEW_ID, draft("데이터 엔지니어링 실무 과정 (심사 선발)",
						"지원서를 검토해 30명을 선발합니다. 포트폴리오 링크를 함께 제출해 주세요.", 30, 0, false, Visibility.PUBLIC, null, 0, true,
						SelectionType.REVIEW, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(30)),
						Duration.ofHours(2)),
						new FormDraft("지원서", "선발은 지원서 검토로 이루어집니다.", List.of(
								new QuestionDraft("portfolio", "text", "포트폴리오 URL", true, null, "https://", new AnswerConstraints(null, 300, "https?://\\S+")),
								new QuestionDraft("motivation", "textarea", "지원 동기", true, null, null, new AnswerConstraints(50, 2_000, null)),
								new QuestionDraft("startDate", "date", "참여 가능 시작일", false, null, "2025-01-31", null),
								new QuestionDraft("privacy", "agreeTerms", "개인정보 수집 및 이용에 동의합니다", true, null, null, null)))),
				new DemoClass(UPCOMING_ID, draft("쿠버네티스 운영 심화 (모집 예정)", "다음 주부터 모집합니다.", 40, 20, true, Visibility.PUBLIC,
						"온라인 (Zoom)", 120_000, true, SelectionType.FIRST_COME, now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(21)),
						now.plus(Duration.ofDays(28)), Duration.ofHours(4)), null),
				new DemoClass(UNLISTED_ID, draft("사내 리더십 워크숍 (비공개)", "링크를 받은 분만 신청할 수 있습니다.", 20, 0, false,
						Visibility.UNLISTED, "서울 중구 세종대로 110", 0, false, SelectionType.FIRST_COME, now.minus(Duration.ofDays(1)),
						now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(14)), Duration.ofHours(6)), null));
	}

	private static ClassDraft draft(String title, String description, int capacity, int waitlistCapacity, boolean allowWaitlist,
			Visibility visibility, String location, long fee, boolean online, SelectionType selectionType, Instant recruitStartAt,
			Instant recruitEndAt, Instant startAt, Duration length) {
		return new ClassDraft(title, description, capacity, waitlistCapacity, allowWaitlist, visibility, location,
				java.math.BigDecimal.valueOf(fee), online, selectionType, recruitStartAt, recruitEndAt, startAt, startAt.plus(length), null);
	}

}
