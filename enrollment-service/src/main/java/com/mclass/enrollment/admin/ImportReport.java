package com.mclass.enrollment.admin;

import java.util.List;
import java.util.UUID;

import com.mclass.enrollment.enrollment.EnrollmentStatus;
import com.mclass.platform.web.ErrorDetail;

/**
 * What a bulk enrollment did, or would do, line by line.
 * @param applied whether anything was kept: false for a dry run, and for an atomic import with a failed line
 * @param enrolled lines enrolled (or that would be, or were rolled back with an atomic import's failure)
 * @param failed lines refused
 */
public record ImportReport(UUID mclassId, boolean dryRun, boolean atomic, boolean applied, int lines, int enrolled, int failed,
		List<Line> results) {

	/** How one line ended. */
	public enum Outcome {

		/** Enrolled, kept. */
		ENROLLED,

		/** A dry run: would be enrolled with {@code status}. */
		WOULD_ENROLL,

		/** Would be enrolled, but another line of an atomic import failed, so nothing was kept. */
		NOT_APPLIED,

		/** Refused: {@code error} says why. */
		FAILED

	}

	/**
	 * @param line the line number in the file (the header is line 1)
	 * @param status the status the enrollment got (or would get)
	 * @param enrollmentId the enrollment created ({@code ENROLLED} only)
	 * @param error why the line was refused ({@code FAILED} only): an {@code ImportLineError} or an enrollment code
	 * @param details for {@code INVALID_ANSWERS}: one per question at fault ({@code answers.<questionId>})
	 */
	public record Line(int line, String email, Outcome outcome, EnrollmentStatus status, UUID enrollmentId, String error, String message,
			List<ErrorDetail> details) {
	}

}
