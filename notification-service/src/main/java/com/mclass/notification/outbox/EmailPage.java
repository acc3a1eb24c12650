package com.mclass.notification.outbox;

import java.util.List;

/** One page of the admin list, newest first. */
public record EmailPage(List<EmailView> emails, int page, int size, long totalElements) {

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
