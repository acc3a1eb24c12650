package com.mclass.enrollment.seat;

/** How a class hands out seats: first come first served, or every application waits for an admin's review. */
public enum SelectionType {

	FIRST_COME, REVIEW

}
