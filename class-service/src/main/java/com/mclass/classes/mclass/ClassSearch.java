package com.mclass.classes.mclass;

/**
 * What a client asks of the class list. Null filters are not applied.
 *
 * @param text words to find in title or description, case-insensitively
 * @param recruit where the recruit window stands now
 */
public record ClassSearch(String text, RecruitState recruit, Boolean online, SelectionType selectionType, ClassSort sort,
		int page, int size) {
}
