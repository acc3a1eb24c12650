package com.mclass.enrollment.queue;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;

/**
 * The waiting room's check in front of enrolling: one Redis script per request. While the class's room is active an
 * enroll needs an admitted ticket in {@code Queue-Ticket}; otherwise nothing changes. Redis unreachable: a class an
 * admin protected is refused (503, fail closed); any other class is enrolled as without the room (auto-activation
 * cannot be known, and the database's own protections still hold).
 */
@Component
public class QueueGate {

	public static final String HEADER = "Queue-Ticket";

	private static final Logger log = LoggerFactory.getLogger(QueueGate.class);

	private final WaitingRoom room;

	private final RushProtection protection;

	QueueGate(WaitingRoom room, RushProtection protection) {
		this.room = room;
		this.protection = protection;
	}

	/**
	 * @return the admitted ticket the enroll goes ahead with, or null when the room is not active
	 * @throws ApiException {@code QUEUE_REQUIRED} (details: the queue URL), a ticket code, or 400 for a malformed header
	 */
	public String check(UUID classId, UUID studentId, String ticket) {
		String presented = (ticket == null || ticket.isBlank()) ? null : ticket.strip();
		if (presented != null && !Ticket.isWellFormed(presented)) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null,
					List.of(new ErrorDetail(HEADER, "must be a ticket from POST /api/mclasses/{id}/queue (32 hex digits)")));
		}
		WaitingRoom.Verdict verdict;
		try {
			verdict = this.room.guard(classId, studentId, presented);
		}
		catch (QueueUnavailable ex) {
			if (this.protection.isProtected(classId)) {
				log.warn("Answered 503: {}", ex.failure());
				throw ex;
			}
			log.debug("Waiting room of class {} not checked: Redis unavailable", classId);
			return null;
		}
		return switch (verdict.kind()) {
			case OPEN -> null;
			case ADMITTED -> presented;
			case REQUIRED -> throw new ApiException(QueueErrorCode.QUEUE_REQUIRED, null,
					List.of(new ErrorDetail("queue", "/api/mclasses/" + classId + "/queue")));
			case WAITING -> throw new ApiException(QueueErrorCode.QUEUE_NOT_ADMITTED, null,
					List.of(new ErrorDetail(HEADER, "position " + verdict.place())));
			case EXPIRED -> throw new ApiException(QueueErrorCode.QUEUE_TICKET_EXPIRED, null,
					List.of(new ErrorDetail("queue", "/api/mclasses/" + classId + "/queue")));
			case UNKNOWN -> throw unknown(classId, presented);
		};
	}

	/** The enroll was answered: the admission's slot goes to the next in line (the ticket stays valid for a retry). */
	public void used(UUID classId, String ticket) {
		if (ticket == null) {
			return;
		}
		try {
			this.room.used(classId, ticket);
		}
		catch (QueueUnavailable ex) {
			// The slot frees itself when the admission expires.
			log.debug("Admission {} of class {} not released: Redis unavailable", ticket, classId);
		}
	}

	private ApiException unknown(UUID classId, String ticket) {
		UUID issuedFor;
		try {
			issuedFor = this.room.classOf(ticket);
		}
		catch (QueueUnavailable ex) {
			issuedFor = null;
		}
		if (issuedFor != null && !issuedFor.equals(classId)) {
			return new ApiException(QueueErrorCode.QUEUE_TICKET_OTHER_CLASS, null, List.of(new ErrorDetail(HEADER, "another class")));
		}
		return new ApiException(QueueErrorCode.QUEUE_TICKET_INVALID, null, List.of(new ErrorDetail(HEADER, "not a ticket of yours")));
	}

}
