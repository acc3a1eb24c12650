package com.mclass.classes.seatconfig;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.classes.form.EnrollmentForms;
import com.mclass.classes.mclass.MClasses;

/** Reads a class and its active form from one snapshot, so the pair is never torn by a concurrent publish. */
@Service
class SeatConfigurations {

	private final MClasses classes;

	private final EnrollmentForms forms;

	SeatConfigurations(MClasses classes, EnrollmentForms forms) {
		this.classes = classes;
		this.forms = forms;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Optional<SeatConfiguration> of(UUID classId) {
		return this.classes.findById(classId)
			.map((mclass) -> SeatConfiguration.of(mclass, this.forms.findActive(classId).orElse(null)));
	}

}
