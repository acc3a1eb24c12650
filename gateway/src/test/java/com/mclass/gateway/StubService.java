package com.mclass.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for one MClass service: it answers every request with a small success envelope naming
 * itself and remembers what it received. Paths ending in {@code /slow} answer after {@link #SLOW_ANSWER}, paths ending
 * in {@code /hang-up} drop the connection without answering.
 */
public final class StubService {

	public static final Duration SLOW_ANSWER = Duration.ofSeconds(5);

	private final String name;

	private final HttpServer server;

	private final ExecutorService workers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task);
		thread.setDaemon(true);
		return thread;
	});

	private final ConcurrentLinkedQueue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();

	private final AtomicInteger answers = new AtomicInteger();

	private final Set<String> hangingUp = ConcurrentHashMap.newKeySet();

	private final Map<String, Hold> holds = new ConcurrentHashMap<>();

	private StubService(String name) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::answer);
		this.server.setExecutor(this.workers);
	}

	public static StubService start(String name) {
		try {
			StubService stub = new StubService(name);
			stub.server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the stub of " + name, ex);
		}
	}

	/** A URL nothing listens on: the port was free a moment ago and is closed again. */
	public static String unreachableUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** From now on, requests whose query contains {@code marker} get no answer: the connection is dropped. */
	public void hangUpOnQueriesContaining(String marker) {
		this.hangingUp.add(marker);
	}

	/** From now on, requests on this path are answered only once the returned hold is released (or after 30 s). */
	public Hold holdRequestsOn(String rawPath) {
		Hold hold = new Hold();
		this.holds.put(rawPath, hold);
		return hold;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String name() {
		return this.name;
	}

	/** The request this service received on the given path, if it received one. */
	public Optional<ReceivedRequest> receivedOn(String rawPath) {
		return this.received.stream().filter((request) -> request.rawPath().equals(rawPath)).findFirst();
	}

	public List<ReceivedRequest> received() {
		return List.copyOf(this.received);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			byte[] bytes = body.readAllBytes();
			String rawPath = exchange.getRequestURI().getRawPath();
			this.received.add(new ReceivedRequest(exchange.getRequestMethod(), rawPath,
					exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), bytes.length));
			String query = exchange.getRequestURI().getRawQuery();
			if (rawPath.endsWith("/hang-up") || (query != null && this.hangingUp.stream().anyMatch(query::contains))) {
				return; // closing the exchange without a status line drops the connection
			}
			Hold hold = this.holds.get(rawPath);
			if (hold != null) {
				hold.await();
			}
			if (rawPath.endsWith("/slow")) {
				sleep(SLOW_ANSWER);
			}
			if (rawPath.endsWith("/live")) {
				streamEvents(exchange);
				return;
			}
			int number = this.answers.incrementAndGet();
			byte[] answer = """
					{"success":true,"data":{"service":"%s","path":"%s","bodyLength":%d,"answer":%d}}"""
				.formatted(this.name, rawPath, bytes.length, number)
				.getBytes(StandardCharsets.UTF_8);
			String cacheControl = queryParameter(exchange.getRequestURI().getQuery(), "stubCacheControl");
			if (cacheControl != null) {
				exchange.getResponseHeaders().set("Cache-Control", cacheControl);
				exchange.getResponseHeaders().set("ETag", "\"" + number + "\"");
				exchange.getResponseHeaders().set("Vary", "Authorization");
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.getResponseHeaders().set("X-Served-By", this.name);
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * A Server-Sent Events stream: one event at once, a second after {@link #SLOW_ANSWER} (longer than the test's route
	 * response timeout), then the end. The Last-Event-ID it was asked with is echoed in the first event.
	 */
	private static void streamEvents(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			String resumedFrom = String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID"));
			String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization") != null);
			out.write(("event: first\ndata: {\"lastEventId\":\"" + resumedFrom + "\",\"token\":" + authorization + "}\n\n")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			sleep(SLOW_ANSWER);
			out.write(": heartbeat\n\nid: 7-0\nevent: second\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
	}

	private static String queryParameter(String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Requests held by {@link #holdRequestsOn(String)}: let go one at a time, or all by closing the hold. */
	public static final class Hold implements AutoCloseable {

		private final Semaphore answers = new Semaphore(0);

		private volatile boolean closed;

		/** The longest-held request (or the next to arrive) is answered. */
		public void answerOne() {
			this.answers.release();
		}

		@Override
		public void close() {
			this.closed = true;
			this.answers.release(10_000);
		}

		private void await() {
			try {
				if (!this.closed) {
					this.answers.tryAcquire(30, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** What reached the service; header names as the JDK server normalizes them (e.g. {@code X-request-id}). */
	public record ReceivedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
			int bodyLength) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
