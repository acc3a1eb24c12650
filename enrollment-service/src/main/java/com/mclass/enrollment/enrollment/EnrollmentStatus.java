package com.mclass.enrollment.enrollment;

import java.util.Optional;

import com.mclass.enrollment.seat.Placement;

/**
 * Where an enrollment stands. APPLIED, APPROVED, WAITLISTED and OFFERED (a freed seat offered to a waiting student,
 * held for them until they accept, decline or the offer expires) are active and hold a place in the class's ledger.
 */
public enum EnrollmentStatus {

	APPLIED, APPROVED, WAITLISTED, OFFERED, REJECTED, CANCELED;

	public boolean isActive() {
		return this == APPLIED || this == APPROVED || this == WAITLISTED || this == OFFERED;
	}

	/** The ledger counter this status is counted in; none for REJECTED and CANCELED. */
	public Optional<Placement> placement() {
		return switch (this) {
			case APPLIED -> Optional.of(Placement.APPLIED);
			case APPROVED -> Optional.of(Placement.APPROVED);
			case WAITLISTED -> Optional.of(Placement.WAITLISTED);
			case OFFERED -> Optional.of(Placement.OFFERED);
			case REJECTED, CANCELED -> Optional.empty();
		};
	}

	public static EnrollmentStatus of(Placement placement) {
		return valueOf(placement.name());
	}

}
