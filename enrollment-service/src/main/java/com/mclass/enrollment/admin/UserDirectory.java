package com.mclass.enrollment.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import com.mclass.enrollment.remote.Envelope;

/**
 * Students by e-mail address, from auth-service's {@code POST /internal/users/lookup} (service token, Resilience4j time
 * limit and circuit breaker like every Feign call here), asked in batches of {@value #BATCH} addresses. auth-service
 * down or too slow is {@link Unavailable}: the import answers 503 with Retry-After and changes nothing.
 */
@Component
class UserDirectory {

	/** Addresses per call; auth-service accepts up to 1000. */
	static final int BATCH = 500;

	private final Lookup lookup;

	UserDirectory(Lookup lookup) {
		this.lookup = lookup;
	}

	/** The accounts behind each address (lower case); an address nobody has is absent. */
	Map<String, List<KnownUser>> byEmail(List<String> emails) {
		Map<String, List<KnownUser>> found = new HashMap<>();
		List<String> distinct = emails.stream().map((email) -> email.toLowerCase(Locale.ROOT)).distinct().toList();
		for (int from = 0; from < distinct.size(); from += BATCH) {
			Envelope<Found> answer = this.lookup.lookup(new Emails(distinct.subList(from, Math.min(from + BATCH, distinct.size()))));
			if (answer == null || answer.data() == null || answer.data().users() == null) {
				throw new Unavailable("auth-service answered the lookup without users", null);
			}
			for (KnownUser user : answer.data().users()) {
				if (user.email() != null) {
					found.computeIfAbsent(user.email().toLowerCase(Locale.ROOT), (key) -> new ArrayList<>()).add(user);
				}
			}
		}
		return found;
	}

	@FeignClient(name = "auth-service-users", url = "${mclass.auth-service.url}", fallbackFactory = LookupFallback.class)
	interface Lookup {

		@PostMapping("/internal/users/lookup")
		Envelope<Found> lookup(@RequestBody Emails emails);

	}

	record Emails(List<String> emails) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Found(List<KnownUser> users) {
	}

	/** An account as auth-service describes it to another service. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record KnownUser(UUID id, String email, String name, String locale, boolean signUpCompleted, boolean disabled) {
	}

	@Component
	static class LookupFallback implements FallbackFactory<Lookup> {

		private static final Logger log = LoggerFactory.getLogger(LookupFallback.class);

		@Override
		public Lookup create(Throwable cause) {
			return (emails) -> {
				log.warn("auth-service could not look up {} addresses: {}", emails.emails().size(), cause.toString());
				throw new Unavailable("auth-service could not look up the students", cause);
			};
		}

	}

	/** auth-service could not answer in time: nothing was imported. */
	static class Unavailable extends RuntimeException {

		Unavailable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
