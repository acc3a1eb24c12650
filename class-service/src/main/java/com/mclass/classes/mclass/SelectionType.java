package com.mclass.classes.mclass;

/** How applicants get a seat: first come first served, or an admin's review of every application. */
public enum SelectionType {

	FIRST_COME, REVIEW

}
