package com.mclass.enrollment.idempotency;

/**
 * What an {@link IdempotentRequest} finds when it claims its key.
 *
 * @param stored the response to replay when {@code kind} is {@link Kind#REPLAY}
 */
public record Claim(Kind kind, StoredResponse stored) {

	public static final Claim FRESH = new Claim(Kind.FRESH, null);

	static final Claim IN_FLIGHT = new Claim(Kind.IN_FLIGHT, null);

	static final Claim REUSED = new Claim(Kind.REUSED, null);

	public enum Kind {

		/** First use of the key (or its record expired): process the request. */
		FRESH,
		/** Same key, same request, already answered: send the stored response again. */
		REPLAY,
		/** Same key, different request: refuse ({@code IDEMPOTENCY_KEY_REUSED}). */
		REUSED,
		/** Same key, still being processed by another request: refuse ({@code IDEMPOTENCY_KEY_IN_USE}). */
		IN_FLIGHT

	}

}
