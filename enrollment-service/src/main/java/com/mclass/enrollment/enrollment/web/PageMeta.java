package com.mclass.enrollment.enrollment.web;

import com.mclass.enrollment.enrollment.EnrollmentPage;

/** The {@code meta} of a paginated list: the page asked for and the totals of the whole list. */
record PageMeta(int page, int size, long totalElements, int totalPages) {

	static PageMeta of(EnrollmentPage page) {
		return new PageMeta(page.page(), page.size(), page.totalElements(), page.totalPages());
	}

}
