package com.mclass.classes.seatconfig;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mclass.classes.form.EnrollmentForm;
import com.mclass.classes.mclass.MClass;
import com.mclass.classes.mclass.SelectionType;
import com.mclass.classes.mclass.Visibility;
import com.mclass.classes.mclass.WaitlistMode;
import com.mclass.formrules.Question;

/**
 * Everything enrollment-service needs to take an enrollment for a class, for when it has not (yet) received the
 * class's events: seats, recruit window, schedule, the version these values belong to, whether the class is deleted,
 * and the active form ({@code null} when the class has none).
 */
record SeatConfiguration(UUID classId, String title, int capacity, int waitlistCapacity, boolean allowWaitlist,
		SelectionType selectionType, Visibility visibility, Instant recruitStartAt, Instant recruitEndAt, Instant startAt,
		Instant endAt, String location, boolean isOnline, long version, boolean deleted, Instant deletedAt, ActiveForm form,
		WaitlistMode waitlistMode, int offerWindowMinutes) {

	record ActiveForm(UUID formId, int version, List<Question> questions) {

		static ActiveForm of(EnrollmentForm form) {
			return new ActiveForm(form.id(), form.version(), form.questions());
		}

	}

	static SeatConfiguration of(MClass mclass, EnrollmentForm activeForm) {
		return new SeatConfiguration(mclass.id(), mclass.title(), mclass.capacity(), mclass.waitlistCapacity(),
				mclass.allowWaitlist(), mclass.selectionType(), mclass.visibility(), mclass.recruitStartAt(),
				mclass.recruitEndAt(), mclass.startAt(), mclass.endAt(), mclass.location(), mclass.online(), mclass.version(),
				mclass.isDeleted(), mclass.deletedAt(),
				(activeForm != null) ? ActiveForm.of(activeForm) : null, mclass.waitlistMode(), mclass.offerWindowMinutes());
	}

}
