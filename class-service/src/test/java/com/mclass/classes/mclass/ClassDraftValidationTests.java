package com.mclass.classes.mclass;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.groups.Default;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The class validation corpus: every rule, both sides of every bound, reported on the field it names. */
class ClassDraftValidationTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private static final Validator validator = factory.getValidator();

	private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

	@AfterAll
	static void close() {
		factory.close();
	}

	/** recruit [T, T+7d), class [T+14d, T+14d+2h], waitlist allowed: valid. */
	private static ClassDraft valid() {
		return new ClassDraft("자바 입문", "설명", 30, 10, true, Visibility.PUBLIC, "서울", BigDecimal.valueOf(10_000), false,
				SelectionType.FIRST_COME, T, T.plus(Duration.ofDays(7)), T.plus(Duration.ofDays(14)),
				T.plus(Duration.ofDays(14)).plus(Duration.ofHours(2)), 3L);
	}

	private static ClassDraft change(UnaryOperator<Draft> change) {
		return change.apply(Draft.of(valid())).build();
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				arguments("title blank", change((d) -> d.title("")), "title"),
				arguments("title whitespace", change((d) -> d.title("   ")), "title"),
				arguments("title missing", change((d) -> d.title(null)), "title"),
				arguments("title 1", change((d) -> d.title("가")), null),
				arguments("title 200", change((d) -> d.title("가".repeat(200))), null),
				arguments("title 201", change((d) -> d.title("가".repeat(201))), "title"),
				arguments("description missing", change((d) -> d.description(null)), null),
				arguments("description 5000", change((d) -> d.description("x".repeat(5_000))), null),
				arguments("description 5001", change((d) -> d.description("x".repeat(5_001))), "description"),
				arguments("capacity missing", change((d) -> d.capacity(null)), "capacity"),
				arguments("capacity 0", change((d) -> d.capacity(0)), "capacity"),
				arguments("capacity 1", change((d) -> d.capacity(1)), null),
				arguments("capacity 100000", change((d) -> d.capacity(100_000)), null),
				arguments("capacity 100001", change((d) -> d.capacity(100_001)), "capacity"),
				arguments("waitlist -1", change((d) -> d.waitlistCapacity(-1)), "waitlistCapacity"),
				arguments("waitlist 0", change((d) -> d.waitlistCapacity(0)), null),
				arguments("waitlist missing", change((d) -> d.waitlistCapacity(null)), null),
				arguments("waitlist 100000", change((d) -> d.waitlistCapacity(100_000)), null),
				arguments("waitlist 100001", change((d) -> d.waitlistCapacity(100_001)), "waitlistCapacity"),
				arguments("waitlist seats without waitlist", change((d) -> d.allowWaitlist(false).waitlistCapacity(1)), "waitlistCapacity"),
				arguments("waitlist seats, allowWaitlist omitted", change((d) -> d.allowWaitlist(null).waitlistCapacity(5)), "waitlistCapacity"),
				arguments("no waitlist, no seats", change((d) -> d.allowWaitlist(false).waitlistCapacity(0)), null),
				arguments("location 200", change((d) -> d.location("x".repeat(200))), null),
				arguments("location 201", change((d) -> d.location("x".repeat(201))), "location"),
				arguments("fee -1", change((d) -> d.fee(BigDecimal.valueOf(-1))), "fee"),
				arguments("fee 0", change((d) -> d.fee(BigDecimal.ZERO)), null),
				arguments("fee missing", change((d) -> d.fee(null)), null),
				arguments("fee with won fractions", change((d) -> d.fee(new BigDecimal("1000.5"))), "fee"),
				arguments("fee 10 digits", change((d) -> d.fee(new BigDecimal("9999999999"))), null),
				arguments("fee 11 digits", change((d) -> d.fee(new BigDecimal("10000000000"))), "fee"),
				arguments("recruitStartAt missing", change((d) -> d.recruitStartAt(null)), "recruitStartAt"),
				arguments("recruitEndAt missing", change((d) -> d.recruitEndAt(null)), "recruitEndAt"),
				arguments("startAt missing", change((d) -> d.startAt(null)), "startAt"),
				arguments("endAt missing", change((d) -> d.endAt(null)), "endAt"),
				arguments("recruit window empty", change((d) -> d.recruitEndAt(T)), "recruitEndAt"),
				arguments("recruit window reversed", change((d) -> d.recruitEndAt(T.minusSeconds(1))), "recruitEndAt"),
				arguments("recruit window of one second", change((d) -> d.recruitEndAt(T.plusSeconds(1))), null),
				arguments("recruiting ends as class starts", change((d) -> d.recruitEndAt(T.plus(Duration.ofDays(14)))), null),
				arguments("recruiting ends after class starts", change((d) -> d.recruitEndAt(T.plus(Duration.ofDays(14)).plusSeconds(1))), "recruitEndAt"),
				arguments("class ends as it starts", change((d) -> d.endAt(T.plus(Duration.ofDays(14)))), "endAt"),
				arguments("class ends before it starts", change((d) -> d.endAt(T.plus(Duration.ofDays(13)))), "endAt"),
				arguments("negative version", change((d) -> d.version(-1L)), "version"),
				arguments("offer window missing", change((d) -> d.offerWindowMinutes(null)), null),
				arguments("offer window 0", change((d) -> d.offerWindowMinutes(0)), "offerWindowMinutes"),
				arguments("offer window 1 minute", change((d) -> d.offerWindowMinutes(1)), null),
				arguments("offer window 30 days", change((d) -> d.offerWindowMinutes(43_200)), null),
				arguments("offer window 30 days and a minute", change((d) -> d.offerWindowMinutes(43_201)), "offerWindowMinutes"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void eachRuleIsCheckedOnItsField(String description, ClassDraft draft, String faultyField) {
		Set<String> fields = faultyFields(draft, Default.class);
		if (faultyField == null) {
			assertThat(fields).isEmpty();
		}
		else {
			assertThat(fields).containsExactly(faultyField);
		}
	}

	@Test
	void aRevisionNeedsTheVersionItWasBasedOn() {
		ClassDraft withoutVersion = change((d) -> d.version(null));
		assertThat(faultyFields(withoutVersion, Default.class)).isEmpty();
		assertThat(faultyFields(withoutVersion, Default.class, ClassDraft.Revision.class)).containsExactly("version");
	}

	@Test
	void everyFaultIsReportedAtOnceCrossFieldRulesIncluded() {
		ClassDraft draft = change((d) -> d.title("").capacity(0).allowWaitlist(false).waitlistCapacity(3).recruitEndAt(T)
			.endAt(T.plus(Duration.ofDays(14))));
		assertThat(faultyFields(draft, Default.class)).containsExactlyInAnyOrder("title", "capacity", "waitlistCapacity", "recruitEndAt",
				"endAt");
	}

	@Test
	void omittedOptionalFieldsTakeTheirDefaults() {
		ClassTerms terms = new ClassDraft(" 제목 ", null, 5, null, null, null, " ", null, null, null, T, T.plusSeconds(60),
				T.plusSeconds(120), T.plusSeconds(180), null).terms();
		assertThat(terms.title()).isEqualTo("제목");
		assertThat(terms.description()).isEmpty();
		assertThat(terms.waitlistCapacity()).isZero();
		assertThat(terms.allowWaitlist()).isFalse();
		assertThat(terms.waitlistMode()).isEqualTo(WaitlistMode.AUTO);
		assertThat(terms.offerWindowMinutes()).as("24 h").isEqualTo(1440);
		assertThat(terms.visibility()).isEqualTo(Visibility.PUBLIC);
		assertThat(terms.location()).isNull();
		assertThat(terms.fee()).isZero();
		assertThat(terms.online()).isFalse();
		assertThat(terms.selectionType()).isEqualTo(SelectionType.FIRST_COME);
	}

	private static Set<String> faultyFields(ClassDraft draft, Class<?>... groups) {
		return validator.validate(draft, groups)
			.stream()
			.map(ConstraintViolation::getPropertyPath)
			.map(Object::toString)
			.collect(Collectors.toSet());
	}

	/** A mutable copy of a draft, for bending one field at a time. */
	private static final class Draft {

		private String title;

		private String description;

		private Integer capacity;

		private Integer waitlistCapacity;

		private Boolean allowWaitlist;

		private String location;

		private BigDecimal fee;

		private Instant recruitStartAt;

		private Instant recruitEndAt;

		private Instant startAt;

		private Instant endAt;

		private Long version;

		private Integer offerWindowMinutes;

		private ClassDraft source;

		static Draft of(ClassDraft draft) {
			Draft copy = new Draft();
			copy.source = draft;
			copy.title = draft.title();
			copy.description = draft.description();
			copy.capacity = draft.capacity();
			copy.waitlistCapacity = draft.waitlistCapacity();
			copy.allowWaitlist = draft.allowWaitlist();
			copy.location = draft.location();
			copy.fee = draft.fee();
			copy.recruitStartAt = draft.recruitStartAt();
			copy.recruitEndAt = draft.recruitEndAt();
			copy.startAt = draft.startAt();
			copy.endAt = draft.endAt();
			copy.version = draft.version();
			copy.offerWindowMinutes = draft.offerWindowMinutes();
			return copy;
		}

		Draft title(String value) { this.title = value; return this; }

		Draft description(String value) { this.description = value; return this; }

		Draft capacity(Integer value) { this.capacity = value; return this; }

		Draft waitlistCapacity(Integer value) { this.waitlistCapacity = value; return this; }

		Draft allowWaitlist(Boolean value) { this.allowWaitlist = value; return this; }

		Draft location(String value) { this.location = value; return this; }

		Draft fee(BigDecimal value) { this.fee = value; return this; }

		Draft recruitStartAt(Instant value) { this.recruitStartAt = value; return this; }

		Draft recruitEndAt(Instant value) { this.recruitEndAt = value; return this; }

		Draft startAt(Instant value) { this.startAt = value; return this; }

		Draft endAt(Instant value) { this.endAt = value; return this; }

		Draft version(Long value) { this.version = value; return this; }

		Draft offerWindowMinutes(Integer value) { this.offerWindowMinutes = value; return this; }

		ClassDraft build() {
			return new ClassDraft(this.title, this.description, this.capacity, this.waitlistCapacity, this.allowWaitlist,
					this.source.visibility(), this.location, this.fee, this.source.isOnline(), this.source.selectionType(),
					this.recruitStartAt, this.recruitEndAt, this.startAt, this.endAt, this.version, this.source.rushProtected(),
					this.source.waitlistMode(), this.offerWindowMinutes);
		}

	}

}
