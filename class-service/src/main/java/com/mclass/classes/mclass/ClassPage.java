package com.mclass.classes.mclass;

import java.util.List;

/** One page of a class list and the totals of the whole list. */
public record ClassPage(List<ClassView> content, int page, int size, long totalElements) {

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
