package com.mclass.enrollment.enrollment;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.enrollment.enrollment.EnrollmentPolicy.Action;
import com.mclass.enrollment.seat.Placement;
import com.mclass.enrollment.seat.WaitlistMode;
import com.mclass.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The status rules of waitlist offers (EnrollmentPolicy), without a database. */
class WaitlistOfferPolicyTests {

	static final Instant DEADLINE = Instant.parse("2026-03-02T10:00:00Z");

	@Test
	void aFreedSeatIsTakenInAutoModeAndOfferedInOfferMode() {
		assertThat(EnrollmentPolicy.forFreedSeat(WaitlistMode.AUTO)).isEqualTo(Action.PROMOTE);
		assertThat(EnrollmentPolicy.forFreedSeat(WaitlistMode.OFFER)).isEqualTo(Action.OFFER);
	}

	@Test
	void anOfferRunsForTheClassesOfferWindow() {
		assertThat(EnrollmentPolicy.offerExpiresAt(DEADLINE.minus(Duration.ofHours(24)), Duration.ofHours(24))).isEqualTo(DEADLINE);
	}

	@Test
	void onlyAWaitingEnrollmentIsOfferedASeat() {
		assertThat(EnrollmentPolicy.transition(Action.OFFER, EnrollmentStatus.WAITLISTED)).isEqualTo(EnrollmentStatus.OFFERED);
		assertThat(EnrollmentPolicy.allows(Action.OFFER, EnrollmentStatus.APPLIED)).isFalse();
		assertThat(EnrollmentPolicy.allows(Action.OFFER, EnrollmentStatus.OFFERED)).isFalse();
	}

	@Test
	void acceptingLeadsToApprovedAndDecliningOrExpiringToCanceled() {
		assertThat(EnrollmentPolicy.transition(Action.ACCEPT, EnrollmentStatus.OFFERED)).isEqualTo(EnrollmentStatus.APPROVED);
		assertThat(EnrollmentPolicy.transition(Action.DECLINE, EnrollmentStatus.OFFERED)).isEqualTo(EnrollmentStatus.CANCELED);
		assertThat(EnrollmentPolicy.transition(Action.EXPIRE, EnrollmentStatus.OFFERED)).isEqualTo(EnrollmentStatus.CANCELED);
	}

	@ParameterizedTest
	@EnumSource(value = EnrollmentStatus.class, names = "OFFERED", mode = EnumSource.Mode.EXCLUDE)
	void onlyAnOfferCanBeAnswered(EnrollmentStatus status) {
		for (Action answer : new Action[] { Action.ACCEPT, Action.DECLINE }) {
			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> EnrollmentPolicy.requireAnswerableOffer(answer, enrollment(status), DEADLINE.minusSeconds(60)))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(EnrollmentErrorCode.NOT_OFFERED));
		}
	}

	@Test
	void anOfferIsAnsweredUpToOneMillisecondBeforeItsDeadline() {
		assertThatNoException().isThrownBy(
				() -> EnrollmentPolicy.requireAnswerableOffer(Action.ACCEPT, enrollment(EnrollmentStatus.OFFERED), DEADLINE.minusMillis(1)));
		assertThat(EnrollmentPolicy.isOfferDue(enrollment(EnrollmentStatus.OFFERED), DEADLINE.minusMillis(1))).isFalse();
	}

	@Test
	void acceptingAtTheDeadlineOrOneMillisecondAfterIsRefused() {
		for (Instant late : new Instant[] { DEADLINE, DEADLINE.plusMillis(1) }) {
			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> EnrollmentPolicy.requireAnswerableOffer(Action.ACCEPT, enrollment(EnrollmentStatus.OFFERED), late))
				.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(EnrollmentErrorCode.OFFER_EXPIRED));
			assertThat(EnrollmentPolicy.isOfferDue(enrollment(EnrollmentStatus.OFFERED), late)).isTrue();
		}
	}

	@Test
	void decliningAfterTheDeadlineIsRefusedToo() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> EnrollmentPolicy.requireAnswerableOffer(Action.DECLINE, enrollment(EnrollmentStatus.OFFERED),
					DEADLINE.plusMillis(1)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(EnrollmentErrorCode.OFFER_EXPIRED));
	}

	@Test
	void anOfferedStudentMayLeaveAndAnAdminMayRejectThem() {
		assertThat(EnrollmentPolicy.transition(Action.CANCEL, EnrollmentStatus.OFFERED)).isEqualTo(EnrollmentStatus.CANCELED);
		assertThat(EnrollmentPolicy.transition(Action.REJECT, EnrollmentStatus.OFFERED)).isEqualTo(EnrollmentStatus.REJECTED);
		assertThat(EnrollmentPolicy.allows(Action.APPROVE, EnrollmentStatus.OFFERED)).as("the student accepts, not an admin").isFalse();
	}

	@Test
	void anOfferedEnrollmentIsActiveHoldsItsOwnPlaceAndIsNotEditable() {
		assertThat(EnrollmentStatus.OFFERED.isActive()).isTrue();
		assertThat(EnrollmentStatus.OFFERED.placement()).hasValue(Placement.OFFERED);
		assertThat(EnrollmentPolicy.isEditable(EnrollmentStatus.OFFERED)).isFalse();
		assertThat(EnrollmentPolicy.refusalToReapply(EnrollmentStatus.OFFERED)).hasValue(EnrollmentErrorCode.ALREADY_ENROLLED);
	}

	@Test
	void aSeatOfferedIsHeldAgainstCapacityForNewApplicants() {
		assertThat(EnrollmentPolicy.placementFor(com.mclass.enrollment.seat.SelectionType.FIRST_COME, 10, 10, true, 0, 5))
			.as("9 approved + 1 offered of 10").hasValue(EnrollmentStatus.WAITLISTED);
	}

	@Test
	void answersAndExpiriesAreNamedAsSuchInTheirEvents() {
		assertThat(EnrollmentEvents.typeOf(Action.DECLINE, EnrollmentStatus.CANCELED)).isEqualTo(EnrollmentEvents.ENROLLMENT_OFFER_DECLINED);
		assertThat(EnrollmentEvents.typeOf(Action.EXPIRE, EnrollmentStatus.CANCELED)).isEqualTo(EnrollmentEvents.ENROLLMENT_OFFER_EXPIRED);
		assertThat(EnrollmentEvents.typeOf(Action.ACCEPT, EnrollmentStatus.APPROVED)).isEqualTo(EnrollmentEvents.ENROLLMENT_APPROVED);
		assertThat(EnrollmentEvents.typeOf(Action.CANCEL, EnrollmentStatus.CANCELED)).isEqualTo(EnrollmentEvents.ENROLLMENT_CANCELED);
		assertThat(EnrollmentEvents.typeOf(EnrollmentStatus.OFFERED)).isEqualTo(EnrollmentEvents.ENROLLMENT_OFFERED);
	}

	private static Enrollment enrollment(EnrollmentStatus status) {
		return new Enrollment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), status, Map.of(), null, null,
				DEADLINE.minus(Duration.ofDays(2)), null, null, null, new Recipient("a@b.c", "a", "ko"),
				(status == EnrollmentStatus.OFFERED) ? DEADLINE : null);
	}

}
