package com.mclass.platform.web.apidocs;

import com.mclass.platform.web.ErrorCode;

/** A service's own codes, as a service declares them: found by the catalog without being registered anywhere. */
final class ShelfErrorCode {

	static final ErrorCode SHELF_FULL = new ErrorCode("SHELF_FULL", 409, "The shelf is full.");

	private ShelfErrorCode() {
	}

}
