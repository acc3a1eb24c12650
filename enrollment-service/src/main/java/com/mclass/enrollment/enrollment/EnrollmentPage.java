package com.mclass.enrollment.enrollment;

import java.util.List;

/** A page of enrollments with the totals of the whole list. */
public record EnrollmentPage(List<Enrollment> content, int page, int size, long totalElements) {

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
