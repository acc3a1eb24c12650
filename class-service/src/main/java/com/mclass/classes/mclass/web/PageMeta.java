package com.mclass.classes.mclass.web;

/** The {@code meta} of a paginated list: the page asked for and the totals of the whole list. */
record PageMeta(int page, int size, long totalElements, int totalPages) {
}
