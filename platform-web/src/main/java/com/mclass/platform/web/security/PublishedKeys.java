package com.mclass.platform.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * auth-service's signing keys as this process knows them (its JWKS document), fetched when a token names a key that
 * is not known yet, and then <em>at most once per {@code refetchInterval}</em>: a token with a made-up {@code kid}
 * costs nothing but a lookup in memory, so a stream of forged tokens cannot turn the gateway or a service into a
 * load generator against auth-service (Spring Security's reactive key source refetches on every unknown key). A fetch
 * in flight is shared by everyone who needs it. A new key auth-service starts signing with is therefore picked up
 * within the interval at worst.
 * <p>
 * The fetch is asynchronous ({@link CompletableFuture}), so the gateway waits for it without blocking an event loop,
 * and a servlet service through {@link #asJwkSource(Duration)}.
 */
public final class PublishedKeys {

	private static final long NEVER = Long.MIN_VALUE;

	private final Supplier<CompletableFuture<String>> fetch;

	private final Duration refetchInterval;

	private final Clock clock;

	private final LongAdder fetches = new LongAdder();

	private volatile JWKSet current = new JWKSet();

	private long lastFetchStartedAt = NEVER;

	private CompletableFuture<JWKSet> inFlight;

	/** Why the last fetch failed, or {@code null} when it succeeded. */
	private Throwable lastFailure;

	/**
	 * @param fetch starts a fetch of the JWKS document (its JSON text)
	 * @param refetchInterval the least time between the starts of two fetches
	 */
	public PublishedKeys(Supplier<CompletableFuture<String>> fetch, Duration refetchInterval, Clock clock) {
		this.fetch = fetch;
		this.refetchInterval = refetchInterval;
		this.clock = clock;
	}

	/** The key set published at {@code jwksUri}, fetched over HTTP with {@code timeout} for connecting and answering. */
	public static PublishedKeys fetchedFrom(URI jwksUri, Duration refetchInterval, Duration timeout, Clock clock) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
		HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(timeout).header("Accept", "application/json").GET().build();
		return new PublishedKeys(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
			if (response.statusCode() != 200) {
				throw new CompletionException(new IOException(
						"The signing keys at " + jwksUri + " answered " + response.statusCode()));
			}
			return response.body();
		}), refetchInterval, clock);
	}

	/** The keys known now that {@code selector} matches; never fetches. */
	public List<JWK> select(JWKSelector selector) {
		return selector.select(this.current);
	}

	/**
	 * The key set after a fetch, or the one known now when the last fetch started less than the refetch interval ago
	 * (then nothing is fetched). Fails when that fetch failed; the keys known before stay.
	 */
	public synchronized CompletableFuture<JWKSet> refreshed() {
		if (this.inFlight != null) {
			return this.inFlight;
		}
		long now = this.clock.millis();
		if (this.lastFetchStartedAt != NEVER && now >= this.lastFetchStartedAt
				&& now - this.lastFetchStartedAt < this.refetchInterval.toMillis()) {
			// Not fetching again: the answer of the last fetch stands, a failure included (auth-service still down).
			return (this.lastFailure != null) ? CompletableFuture.failedFuture(this.lastFailure)
					: CompletableFuture.completedFuture(this.current);
		}
		this.lastFetchStartedAt = now;
		this.fetches.increment();
		CompletableFuture<JWKSet> fetched;
		try {
			fetched = this.fetch.get().thenApply(PublishedKeys::parse);
		}
		catch (RuntimeException ex) {
			fetched = CompletableFuture.failedFuture(ex);
		}
		CompletableFuture<JWKSet> settled = fetched.whenComplete(this::settle);
		// A fetch that completed at once has already settled; only one still running is shared.
		if (!settled.isDone()) {
			this.inFlight = settled;
		}
		return settled;
	}

	/**
	 * The keys matching {@code selector}, fetching once (within the interval's limit) when none is known. Fails with
	 * {@link KeySourceException} when the keys cannot be fetched: an outage of auth-service, not a bad token.
	 */
	public List<JWK> select(JWKSelector selector, Duration timeout) throws KeySourceException {
		List<JWK> known = select(selector);
		if (!known.isEmpty()) {
			return known;
		}
		try {
			return selector.select(refreshed().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KeySourceException("The signing keys could not be fetched: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KeySourceException("Interrupted while fetching the signing keys", ex);
		}
	}

	/** For Nimbus' blocking verifier (servlet services), waiting at most {@code timeout} for a fetch. */
	public JWKSource<SecurityContext> asJwkSource(Duration timeout) {
		return (selector, context) -> select(selector, timeout);
	}

	/** How many fetches were started. */
	public long fetchCount() {
		return this.fetches.sum();
	}

	private synchronized void settle(JWKSet fetched, Throwable failure) {
		if (fetched != null) {
			this.current = fetched;
		}
		this.lastFailure = (failure instanceof CompletionException wrapped && wrapped.getCause() != null)
				? wrapped.getCause() : failure;
		this.inFlight = null;
	}

	private static JWKSet parse(String json) {
		try {
			return JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new CompletionException(new IOException("The signing keys are not a JWK set: " + ex.getMessage(), ex));
		}
	}

}
