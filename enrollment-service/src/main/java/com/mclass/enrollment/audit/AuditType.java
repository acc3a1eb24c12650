package com.mclass.enrollment.audit;

/** What an audit entry records; the names are part of the HTTP contract (the feed's {@code type} filter). */
public enum AuditType {

	/** An admin's or the system's transition of an enrollment (from enrollment_history). */
	ENROLLMENT_STATUS_CHANGED,

	/** class-service changed a class's capacity or waitlist capacity ({@code ClassUpdated}). */
	CLASS_CAPACITY_CHANGED,

	/** An admin changed a user's role ({@code UserRoleChanged}). */
	USER_ROLE_CHANGED,

	/** An admin disabled an account ({@code UserDisabled}). */
	USER_DISABLED,

	/** An admin enabled a disabled account again ({@code UserEnabled}). */
	USER_ENABLED

}
