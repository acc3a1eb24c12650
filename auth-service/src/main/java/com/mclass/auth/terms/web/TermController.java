package com.mclass.auth.terms.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.terms.CurrentTerms;
import com.mclass.auth.terms.Term;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.security.AuthenticatedUser;

@RestController
@RequestMapping("/api/terms")
class TermController {

	private final CurrentTerms terms;

	private final Clock clock;

	TermController(CurrentTerms terms, Clock clock) {
		this.terms = terms;
		this.clock = clock;
	}

	/** Public: the current version of each term, for the sign-up form. */
	@GetMapping
	ApiResponse<List<TermView>> current() {
		return ApiResponse.ok(this.terms.list().stream().map(TermView::of).toList());
	}

	/**
	 * Agrees to a current term. The caller's access token still carries the old {@code signup_completed}; the next
	 * refresh issues one with the new state, which this answer already tells.
	 */
	@PostMapping("/{id}/agree")
	ApiResponse<Agreement> agree(@PathVariable UUID id, AuthenticatedUser user) {
		Term term = this.terms.agreeToCurrent(user.id(), id);
		return ApiResponse.ok(new Agreement(term.getId(), term.getType().name(), term.getVersion(), this.clock.instant()));
	}

	record Agreement(UUID termId, String type, int version, Instant agreedAt) {
	}

}
