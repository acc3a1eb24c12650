package com.mclass.enrollment.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events client for tests: the events of one stream, parsed as they arrive. */
final class SseClient implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	final int status;

	final String contentType;

	final String retryAfter;

	private final CompletableFuture<Void> reading;

	private final Stream<String> lines;

	private SseClient(HttpResponse<Stream<String>> response) {
		this.status = response.statusCode();
		this.contentType = response.headers().firstValue("Content-Type").orElse("");
		this.retryAfter = response.headers().firstValue("Retry-After").orElse(null);
		this.lines = response.body();
		this.reading = CompletableFuture.runAsync(this::read);
	}

	static SseClient open(String url, String token, String lastEventId) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
	}

	/** The next event satisfying {@code wanted} within {@code timeout}, skipping others; null if none came. */
	Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return null;
			}
			Event event = this.events.poll(left, TimeUnit.NANOSECONDS);
			if (event != null && wanted.test(event)) {
				return event;
			}
		}
	}

	private void read() {
		String name = "message";
		String id = null;
		StringBuilder data = new StringBuilder();
		try {
			for (String line : (Iterable<String>) this.lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(name, id, data.toString(), System.currentTimeMillis()));
					}
					name = "message";
					id = null;
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (RuntimeException ex) {
			// closed
		}
	}

	/** Whether the server ended the stream within {@code timeout}. */
	boolean endedWithin(Duration timeout) {
		try {
			this.reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
	}

	@Override
	public void close() {
		this.lines.close();
		this.reading.cancel(true);
	}

	record Event(String name, String id, String data, long receivedAt) {
	}

}
