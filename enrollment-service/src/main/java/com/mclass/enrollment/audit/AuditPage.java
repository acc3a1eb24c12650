package com.mclass.enrollment.audit;

import java.util.List;

/** One page of the feed, newest first, with the total number of matching entries. */
public record AuditPage(List<AuditEntry> content, int page, int size, long totalElements) {

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
