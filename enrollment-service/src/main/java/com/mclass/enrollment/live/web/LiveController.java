package com.mclass.enrollment.live.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.mclass.enrollment.live.LiveStreams;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorDetail;
import com.mclass.platform.web.security.AuthenticatedUser;

/** {@code GET /api/mclasses/{id}/live}: Server-Sent Events of a class, anonymous or signed in. */
@RestController
class LiveController {

	private final LiveStreams streams;

	LiveController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/mclasses/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Live updates of a class (text/event-stream)",
			description = "Everyone: `availability` events (as GET …/availability, at most every 500 ms while it changes). With "
					+ "a bearer token: `queue` events (the student's place) and `enrollment` events (the student's own status "
					+ "changes, with ids; send Last-Event-ID to resume). A comment line every 15 s keeps the stream open; it is "
					+ "closed after 30 min and the client reconnects. 404 unknown class; 503 with Retry-After when this replica holds "
					+ "its maximum of streams (mclass.live.max-streams).")
	SseEmitter live(@PathVariable UUID id, Optional<AuthenticatedUser> user,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		String resumeFrom = (lastEventId == null || lastEventId.isBlank()) ? null : lastEventId.strip();
		if (resumeFrom != null && !resumeFrom.matches("\\d{1,19}-\\d{1,19}")) {
			throw new ApiException(CommonErrorCode.VALIDATION_FAILED, null,
					List.of(new ErrorDetail("Last-Event-ID", "must be an id of an earlier enrollment event")));
		}
		return this.streams.open(id, user.map(AuthenticatedUser::id).orElse(null), resumeFrom);
	}

}
