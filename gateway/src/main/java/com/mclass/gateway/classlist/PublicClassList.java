package com.mclass.gateway.classlist;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.MediaType;

/**
 * Class-service's public answers to {@code GET /api/mclasses}, by query string, each until the earlier of its
 * {@code max-age} and {@link ClassListCacheProperties#ttl()}; the least used go first when more queries come. Kept
 * longer, up to {@link ClassListCacheProperties#staleIfError()}, only to be served while class-service is unreachable.
 * <p>
 * Every {@link #clear()} starts a new generation, and an answer is kept only if no clear happened since its request was
 * sent: a list read just before an admin's change commits, and answered just after the gateway dropped its copy for
 * that change, would otherwise be kept as if it were current.
 */
final class PublicClassList {

	private final Cache<String, Answer> answers;

	private final AtomicLong generation = new AtomicLong();

	private final Duration ttl;

	private final Duration staleIfError;

	PublicClassList(Duration ttl, Duration staleIfError, int maxEntries) {
		this.ttl = ttl;
		this.staleIfError = staleIfError;
		Duration longest = (staleIfError.compareTo(ttl) > 0) ? staleIfError : ttl;
		// Evicting in the caller's thread keeps the bound exact (no task for Caffeine's default executor per put).
		this.answers = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.expireAfterWrite(longest)
			.executor(Runnable::run)
			.build();
	}

	/** To be given back to {@link #keep} with the answer to a request sent now. */
	long generation() {
		return this.generation.get();
	}

	/** The answer kept for this query string, if it is still fresh at {@code now}. */
	Answer find(String query, Instant now) {
		Answer answer = this.answers.getIfPresent(query);
		return (answer != null && now.isBefore(answer.expiresAt())) ? answer : null;
	}

	/** The answer kept for this query string, fresh or not, if it is younger than the stale-if-error period. */
	Answer findStale(String query, Instant now) {
		Answer answer = this.answers.getIfPresent(query);
		return (answer != null && now.isBefore(answer.receivedAt().plus(this.staleIfError))) ? answer : null;
	}

	/**
	 * Keeps class-service's answer, unless the list changed since the request was sent ({@code generation}).
	 * @param maxAge the answer's own {@code max-age}
	 */
	void keep(String query, byte[] body, MediaType contentType, String etag, Duration maxAge, Instant receivedAt,
			long generation) {
		if (this.generation.get() != generation) {
			return;
		}
		Duration kept = (maxAge.compareTo(this.ttl) < 0) ? maxAge : this.ttl;
		Answer answer = new Answer(body, contentType, etag, receivedAt, receivedAt.plus(maxAge), receivedAt.plus(kept));
		this.answers.put(query, answer);
		if (this.generation.get() != generation) {
			this.answers.asMap().remove(query, answer); // a clear ran while it was put
		}
	}

	/** The list changed: nothing kept so far is served again, nothing requested so far is kept. */
	void clear() {
		this.generation.incrementAndGet();
		this.answers.invalidateAll();
	}

	long size() {
		this.answers.cleanUp();
		return this.answers.estimatedSize();
	}

	/**
	 * @param receivedAt when class-service sent it
	 * @param staleAt when class-service's {@code max-age} runs out (what clients are told is left of it)
	 * @param expiresAt when the gateway stops serving it (but while class-service is unreachable)
	 */
	record Answer(byte[] body, MediaType contentType, String etag, Instant receivedAt, Instant staleAt, Instant expiresAt) {

		/** Whole seconds of {@code max-age} left at {@code now}. */
		long maxAgeLeft(Instant now) {
			return Math.max(0, Duration.between(now, this.staleAt).toSeconds());
		}

		/** Whole seconds since class-service sent it (the {@code Age} header). */
		long ageAt(Instant now) {
			return Math.max(0, Duration.between(this.receivedAt, now).toSeconds());
		}

	}

}
