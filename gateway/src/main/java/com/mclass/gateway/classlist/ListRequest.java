package com.mclass.gateway.classlist;

import org.springframework.web.server.ServerWebExchange;

/**
 * A list request the gateway may answer from {@link PublicClassList}: set by {@link ClassListKeeping}, read by
 * {@link ClassListServing}.
 *
 * @param query the raw query string ("" for none): the key of the answer
 * @param signedIn a student's request (told {@code private}), not an anonymous one ({@code public})
 * @param generation the copy's generation when the request arrived
 * @param revalidate the client sent {@code Cache-Control: no-cache}: class-service answers (and its answer is kept)
 */
record ListRequest(String query, boolean signedIn, long generation, boolean revalidate) {

	private static final String ATTRIBUTE = ListRequest.class.getName();

	static ListRequest of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	void attachTo(ServerWebExchange exchange) {
		exchange.getAttributes().put(ATTRIBUTE, this);
	}

	/** {@code Cache-Control} for this caller: class-service's answer is public; a student's copy of it is private. */
	String cacheControl(long maxAgeSeconds) {
		return "max-age=" + maxAgeSeconds + (this.signedIn ? ", private" : ", public");
	}

}
