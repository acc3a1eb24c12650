package com.mclass.enrollment.queue;

import java.util.List;
import java.util.UUID;

/**
 * Where a class's line lives in Redis. Every key of one class shares the hash tag {@code {<class id>}}; the scripts
 * also touch two global keys (the set of classes with a line, the ticket index), so the queue needs one Redis
 * primary (ElastiCache with cluster mode off), as the rest of the platform does.
 */
record QueueKeys(String prefix, UUID classId) {

	String state() {
		return key("state");
	}

	String owners() {
		return key("owners");
	}

	String tickets() {
		return key("tickets");
	}

	String waiting() {
		return key("waiting");
	}

	String admitted() {
		return key("admitted");
	}

	String open() {
		return key("open");
	}

	String admissionLog() {
		return key("admissions");
	}

	String arrivals(long epochSecond) {
		return key("arrivals:" + epochSecond);
	}

	/** The classes whose line has tickets waiting or admissions open (what the admitters go through). */
	String activeClasses() {
		return this.prefix + "classes";
	}

	String ticketIndex(String ticket) {
		return this.prefix + "ticket:" + ticket;
	}

	List<String> forIssue(String ticket) {
		return List.of(state(), owners(), tickets(), waiting(), admitted(), activeClasses(), ticketIndex(ticket));
	}

	List<String> forAdmit() {
		return List.of(state(), waiting(), admitted(), open(), admissionLog(), activeClasses());
	}

	List<String> forGuard(long epochSecond) {
		return List.of(state(), arrivals(epochSecond), tickets(), admitted(), activeClasses());
	}

	private String key(String part) {
		return this.prefix + "{" + this.classId + "}:" + part;
	}

}
