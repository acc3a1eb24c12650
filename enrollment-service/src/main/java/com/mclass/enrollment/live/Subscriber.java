package com.mclass.enrollment.live;

import java.io.IOException;
import java.util.Objects;
import java.util.UUID;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: who watches which class, what it was last told. Sends are serialized per stream (an emitter is
 * not thread-safe) and a failed send closes it.
 */
final class Subscriber {

	private final SseEmitter emitter;

	private final UUID classId;

	private final UUID userId;

	private String lastEnrollmentEventId;

	private Object lastQueueView;

	private volatile boolean closed;

	Subscriber(SseEmitter emitter, UUID classId, UUID userId) {
		this.emitter = emitter;
		this.classId = classId;
		this.userId = userId;
	}

	UUID classId() {
		return this.classId;
	}

	UUID userId() {
		return this.userId;
	}

	boolean isClosed() {
		return this.closed;
	}

	void close() {
		this.closed = true;
	}

	/** Ends the stream normally (the client may reconnect). */
	synchronized void complete() {
		this.closed = true;
		try {
			this.emitter.complete();
		}
		catch (IllegalStateException ex) {
			// already completed
		}
	}

	synchronized boolean send(SseEmitter.SseEventBuilder event) {
		if (this.closed) {
			return false;
		}
		try {
			this.emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			this.closed = true;
			this.emitter.completeWithError(ex);
			return false;
		}
	}

	/** An enrollment event, unless this stream already sent it or a later one (resume and live feed overlap). */
	synchronized boolean sendEnrollment(String id, String json) {
		if (this.lastEnrollmentEventId != null && StreamIds.compare(id, this.lastEnrollmentEventId) <= 0) {
			return false;
		}
		boolean sent = send(SseEmitter.event().id(id).name("enrollment").data(json, org.springframework.http.MediaType.APPLICATION_JSON));
		if (sent) {
			this.lastEnrollmentEventId = id;
		}
		return sent;
	}

	/** A queue event when the view changed since the last one sent. */
	synchronized void sendQueue(Object view, String json) {
		if (Objects.equals(view, this.lastQueueView)) {
			return;
		}
		if (send(SseEmitter.event().name("queue").data(json, org.springframework.http.MediaType.APPLICATION_JSON))) {
			this.lastQueueView = view;
		}
	}

	/** The id of the last enrollment event this stream was sent (or resumed after); null if none. */
	synchronized String lastEnrollmentEventId() {
		return this.lastEnrollmentEventId;
	}

	synchronized void resumedAfter(String id) {
		this.lastEnrollmentEventId = id;
	}

}
