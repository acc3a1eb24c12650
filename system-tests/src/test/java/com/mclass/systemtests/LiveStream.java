package com.mclass.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** A Server-Sent Events stream read through the gateway, as the rush page reads it (token in the header). */
final class LiveStream implements AutoCloseable, Flow.Subscriber<String> {

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final List<Event> events = new CopyOnWriteArrayList<>();

	private volatile Flow.Subscription subscription;

	private String name = "message";

	private String id;

	private final StringBuilder data = new StringBuilder();

	static LiveStream open(URI gateway, String classId, String accessToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/mclasses/" + classId + "/live"))
			.header("Accept", "text/event-stream");
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		LiveStream stream = new LiveStream();
		// The response future of a subscriber body completes only when the body ends, which a stream never does: the
		// status is taken from the headers as they arrive, and the lines go on to the subscriber.
		CompletableFuture<Integer> status = new CompletableFuture<>();
		http.sendAsync(request.build(), (info) -> {
			status.complete(info.statusCode());
			return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
		}).whenComplete((response, failure) -> {
			if (failure != null) {
				status.completeExceptionally(failure);
			}
		});
		int code = status.orTimeout(30, TimeUnit.SECONDS).join();
		if (code != 200) {
			stream.close();
			throw new IllegalStateException("live stream answered " + code);
		}
		return stream;
	}

	List<Event> named(String name) {
		return this.events.stream().filter((event) -> event.name().equals(name)).toList();
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public synchronized void onNext(String line) {
		if (line.isEmpty()) {
			if (!this.data.isEmpty()) {
				this.events.add(new Event(this.name, this.id, this.data.toString(), System.currentTimeMillis()));
			}
			this.name = "message";
			this.id = null;
			this.data.setLength(0);
		}
		else if (line.startsWith("event:")) {
			this.name = line.substring(6).strip();
		}
		else if (line.startsWith("id:")) {
			this.id = line.substring(3).strip();
		}
		else if (line.startsWith("data:")) {
			this.data.append(line.substring(5).strip());
		}
	}

	@Override
	public void onError(Throwable failure) {
		// the stream ended
	}

	@Override
	public void onComplete() {
		// the stream ended
	}

	@Override
	public void close() {
		Flow.Subscription current = this.subscription;
		if (current != null) {
			current.cancel();
		}
	}

	record Event(String name, String id, String data, long receivedAt) {
	}

}
