package com.mclass.loadtests.queue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./mclass bench queue}: a rush on a class behind the waiting room, against a running platform, through the
 * gateway only. Two parts:
 * <ol>
 * <li><b>rush</b>: {@code students} sign up (untimed), a sample of {@code watchers} opens the live stream, then everyone
 * arrives at once and goes their own way: takes a place ({@code joiners} requests in flight, 64), waits to be admitted (polling at the
 * estimated time, then every 2 s), and enrolls with the ticket. Checked: one ticket per student, the admission log
 * strictly in issue order and holding every ticket once, exact seats, every watcher saw its place and (if enrolled)
 * its status. Measured: enroll latency of admitted students (while others were still joining, and after), commit-to-
 * client delay of the watchers' enrollment events; how long taking a place took, and when the last place was taken.</li>
 * <li><b>streams</b>: {@code streams} anonymous live streams held open at once; RSS of the gateway and
 * enrollment-service before and after (per stream), and the delay until every stream saw a seat change.</li>
 * </ol>
 * Prints a table and, last, one line: {@code students=… tickets=… in_order=… join_p99_ms=… last_place_ms=…
 * joins_turned_away=… enroll_p99_ms=… enroll_after_joining_p99_ms=… approved=… waitlisted=… watchers_ok=…/… event_p99_ms=…
 * client_cpu_pct=… streams=… kb_per_stream=… fanout_p99_ms=…}. Exit 0 when every check held, 1 otherwise.
 */
public final class QueueBench {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String PASSWORD = "correct horse battery staple";

	/** One refresh token per student (line i: student i), rotated at every run. */
	private static final Path SESSIONS = Path.of(System.getProperty("sessions", "target/bench/queue-sessions.csv"));

	private final URI gateway;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private QueueBench(URI gateway) {
		this.gateway = gateway;
	}

	public static void main(String[] args) throws Exception {
		URI gateway = URI.create(setting("gateway", "http://localhost:8080"));
		int students = Integer.parseInt(setting("students", "5000"));
		int watchers = Integer.parseInt(setting("watchers", "200"));
		int streams = Integer.parseInt(setting("streams", "5000"));
		int capacity = Integer.parseInt(setting("capacity", "200"));
		int waitlist = Integer.parseInt(setting("waitlist", "100"));
		QueueBench bench = new QueueBench(gateway);
		Map<String, Object> line = new java.util.LinkedHashMap<>();
		if (students > 0) {
			bench.rush(students, Math.min(watchers, students), capacity, waitlist, line);
		}
		if (streams > 0) {
			bench.streams(streams, line);
		}
		StringBuilder last = new StringBuilder();
		line.forEach((key, value) -> last.append(last.isEmpty() ? "" : " ").append(key).append('=').append(value));
		if (!bench.failures.isEmpty()) {
			System.out.println("FAILED checks:");
			bench.failures.forEach((failure) -> System.out.println("  - " + failure));
		}
		System.out.println(last);
		System.exit(bench.failures.isEmpty() ? 0 : 1);
	}

	private static String setting(String name, String fallback) {
		return System.getProperty(name, fallback);
	}

	// ---------------------------------------------------------------- rush

	private void rush(int students, int watchers, int capacity, int waitlist, Map<String, Object> line) throws Exception {
		String admin = login(System.getenv().getOrDefault("MCLASS_ADMIN_EMAIL", "admin@mclass.local"),
				System.getenv().getOrDefault("MCLASS_ADMIN_PASSWORD", "mclass-admin-dev-only"));
		String classId = createProtectedClass(admin, capacity, waitlist);
		System.out.printf("class %s (rushProtected, %d seats + %d waitlist)%n", classId, capacity, waitlist);
		long setup = System.nanoTime();
		// Registering costs a bcrypt hash each (5,000: ~9 minutes here); the sessions of earlier runs are refreshed instead.
		List<String> cached = Files.exists(SESSIONS) ? Files.readAllLines(SESSIONS) : List.of();
		String[] refreshTokens = new String[students];
		List<String> tokens = parallel(students, 32, (i) -> {
			if (i < cached.size() && !cached.get(i).isBlank()) {
				Reply refreshed = send("POST", "/api/auth/refresh", null,
						JSON.writeValueAsString(Map.of("refreshToken", cached.get(i))), Map.of());
				if (refreshed.status() == 200) {
					refreshTokens[i] = refreshed.data().path("refreshToken").asText();
					return refreshed.data().path("accessToken").asText();
				}
			}
			JsonNode session = register("queue-bench-" + i);
			refreshTokens[i] = session.path("refreshToken").asText();
			return session.path("accessToken").asText();
		});
		Files.createDirectories(SESSIONS.getParent());
		Files.write(SESSIONS, List.of(refreshTokens));
		System.out.printf("%d students signed in in %d s (untimed)%n", students, (System.nanoTime() - setup) / 1_000_000_000);

		List<Stream> watching = new ArrayList<>();
		for (int i = 0; i < watchers; i++) {
			watching.add(Stream.open(this.http, this.gateway.resolve("/api/mclasses/" + classId + "/live"), tokens.get(i)));
		}
		Map<Integer, String> ticketOf = new ConcurrentHashMap<>();
		Map<Integer, String> enrolledAs = new ConcurrentHashMap<>();
		Map<Integer, Integer> enrollStatus = new ConcurrentHashMap<>();
		List<Long> enrollMillisWhileJoining = Collections.synchronizedList(new ArrayList<>());
		List<Long> enrollMillisAfterJoining = Collections.synchronizedList(new ArrayList<>());
		List<Long> joinMillis = Collections.synchronizedList(new ArrayList<>());
		AtomicLong lastPlaceNanos = new AtomicLong();
		AtomicInteger requests = new AtomicInteger();
		AtomicInteger stillJoining = new AtomicInteger(students);
		AtomicInteger joinsTurnedAway = new AtomicInteger();
		long cpuAtStart = ownCpuNanos();
		long start = System.nanoTime();
		// Every student arrives at once and goes their own way, as in a real rush: take a place (64 requests in flight at
		// most, what a load balancer's connections carry), wait for their turn (polling at the estimated time of
		// admission, then every ~2 s), enroll. A student admitted while others are still joining enrolls right away.
		// (An earlier version let nobody enroll until all 5,000 had joined: the ~1,000 students admitted by then enrolled
		// in one burst, 400 at once — ten times the admission rate the room exists to hold.) The waiting is a timer, not a
		// thread per student: 5,000 sleeping threads cost this 2-core machine as much CPU as enrollment-service.
		ExecutorService joiners = Executors.newFixedThreadPool(Integer.getInteger("joiners", 64));
		ExecutorService workers = Executors.newFixedThreadPool(64);
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		CountDownLatch finished = new CountDownLatch(students);
		for (int n = 0; n < students; n++) {
			int i = n;
			String token = tokens.get(i);
			joiners.execute(() -> {
				try {
					long joining = System.nanoTime();
					JsonNode place = retried(() -> send("POST", "/api/mclasses/" + classId + "/queue", token, null, Map.of()), requests,
							joinsTurnedAway).data();
					long placed = System.nanoTime();
					joinMillis.add((placed - joining) / 1_000_000);
					lastPlaceNanos.accumulateAndGet(placed, Math::max);
					String ticket = place.path("ticket").asText();
					ticketOf.put(i, ticket);
					Runnable enrolling = () -> {
						try {
							enroll(classId, i, token, ticket, stillJoining, requests, enrollMillisWhileJoining, enrollMillisAfterJoining,
									enrollStatus, enrolledAs);
						}
						catch (Exception ex) {
							this.failures.add("student " + i + ": " + ex);
						}
						finally {
							finished.countDown();
						}
					};
					Runnable[] polling = new Runnable[1];
					polling[0] = () -> {
						try {
							if (System.nanoTime() - placed > Duration.ofMinutes(10).toNanos()) {
								throw new IllegalStateException("student " + i + " not admitted in 10 minutes");
							}
							JsonNode current = retried(() -> send("GET", "/api/mclasses/" + classId + "/queue/" + ticket, token, null,
									Map.of()), requests).data();
							if (current.path("admitted").asBoolean()) {
								enrolling.run();
							}
							else {
								long due = System.nanoTime() + current.path("estimatedWaitSeconds").asLong() * 700_000_000L;
								timer.schedule(() -> workers.execute(polling[0]), pause(due), TimeUnit.MILLISECONDS);
							}
						}
						catch (Exception ex) {
							this.failures.add("student " + i + ": " + ex);
							finished.countDown();
						}
					};
					if (place.path("admitted").asBoolean()) {
						workers.execute(enrolling);
					}
					else {
						long due = placed + place.path("estimatedWaitSeconds").asLong() * 1_000_000_000L;
						timer.schedule(() -> workers.execute(polling[0]), pause(due), TimeUnit.MILLISECONDS);
					}
				}
				catch (Exception ex) {
					this.failures.add("student " + i + " could not take a place: " + ex);
					finished.countDown();
				}
				finally {
					stillJoining.decrementAndGet();
				}
			});
		}
		if (!finished.await(15, TimeUnit.MINUTES)) {
			this.failures.add(finished.getCount() + " students still unanswered after 15 minutes");
		}
		joiners.shutdownNow();
		workers.shutdownNow();
		timer.shutdownNow();
		long rushMillis = (System.nanoTime() - start) / 1_000_000;
		// This client shares the machine with the platform: what it burns is CPU the platform did not have.
		long ownCpuPercent = Math.round(100.0 * (ownCpuNanos() - cpuAtStart)
				/ ((double) rushMillis * 1_000_000 * Runtime.getRuntime().availableProcessors()));

		// One ticket each; the log in issue order with every ticket once (+1: the student who checked the room).
		Set<String> tickets = new HashSet<>(ticketOf.values());
		check(tickets.size() == students, "one ticket per student: " + tickets.size() + " distinct for " + students);
		List<JsonNode> log = admissionLog(admin, classId);
		boolean inOrder = true;
		Set<String> logged = new HashSet<>();
		for (int i = 0; i < log.size(); i++) {
			inOrder &= log.get(i).path("seq").asLong() == i + 1;
			check(logged.add(log.get(i).path("ticket").asText()), "ticket admitted twice: " + log.get(i));
		}
		check(inOrder, "admission log out of issue order");
		check(log.size() == students + 1, "admission log holds " + log.size() + " admissions for " + (students + 1) + " tickets");
		check(logged.containsAll(tickets), "a ticket was never admitted");

		long approved = enrolledAs.values().stream().filter("APPROVED"::equals).count();
		long waitlisted = enrolledAs.values().stream().filter("WAITLISTED"::equals).count();
		JsonNode availability = send("GET", "/api/mclasses/" + classId + "/availability", null, null, Map.of()).data();
		check(approved == capacity && availability.path("approved").asInt() == capacity, "approved " + approved + " / ledger "
				+ availability.path("approved").asInt() + ", capacity " + capacity);
		check(waitlisted == waitlist && availability.path("waitlisted").asInt() == waitlist, "waitlisted " + waitlisted);
		check(enrollStatus.values().stream().filter((s) -> s == 409).count() == students - capacity - waitlist, "CLASS_FULL count");

		Thread.sleep(3000);
		int watchersOk = 0;
		List<Long> eventDelays = new ArrayList<>();
		for (int i = 0; i < watching.size(); i++) {
			Stream stream = watching.get(i);
			String ticket = ticketOf.get(i);
			boolean sawPlace = stream.named("queue").stream().anyMatch((e) -> e.data().contains("\"ticket\":\"" + ticket + "\""));
			String expected = enrolledAs.get(i);
			List<Stream.Event> statuses = stream.named("enrollment");
			boolean sawStatus = (expected == null) || (!statuses.isEmpty() && statuses.get(0).data().contains("\"status\":\"" + expected + "\""));
			for (Stream.Event event : statuses) {
				JsonNode data = JSON.readTree(event.data());
				eventDelays.add(event.receivedAt() - Instant.parse(data.path("occurredAt").asText()).toEpochMilli());
			}
			if (sawPlace && sawStatus) {
				watchersOk++;
			}
			stream.close();
		}
		check(watchersOk == watching.size(), watchersOk + " of " + watching.size() + " watchers saw their place and final status");

		List<Long> enrollMillis = new ArrayList<>(enrollMillisWhileJoining);
		enrollMillis.addAll(enrollMillisAfterJoining);
		long p99 = percentile(enrollMillis, 99);
		long joinP99 = percentile(joinMillis, 99);
		long lastPlaceMillis = (lastPlaceNanos.get() - start) / 1_000_000;
		long eventP99 = percentile(eventDelays, 99);
		System.out.println();
		System.out.println("| rush (room on)                                  |                |");
		System.out.println("|-------------------------------------------------|----------------|");
		System.out.printf("| students / tickets / admissions logged          | %d / %d / %d |%n", students, tickets.size(), log.size());
		System.out.printf("| admissions in issue order                       | %s |%n", inOrder);
		System.out.printf("| rush duration (first place → last answer)       | %d ms |%n", rushMillis);
		System.out.printf("| requests sent (queue, polls, enrolls)           | %d |%n", requests.get());
		System.out.printf("| places taken: latency p50/p99, last one after   | %d / %d ms, %d ms |%n", percentile(joinMillis, 50),
				joinP99, lastPlaceMillis);
		System.out.printf("| joins answered 503/429 (then retried)           | %d |%n", joinsTurnedAway.get());
		System.out.printf("| enroll latency of admitted students p50/p95/p99 | %d / %d / %d ms |%n", percentile(enrollMillis, 50),
				percentile(enrollMillis, 95), p99);
		System.out.printf("|   sent while others were still joining          | %d enrolls, p50/p99 %d / %d ms |%n",
				enrollMillisWhileJoining.size(), percentile(enrollMillisWhileJoining, 50), percentile(enrollMillisWhileJoining, 99));
		System.out.printf("|   sent after everyone had joined                | %d enrolls, p50/p99 %d / %d ms |%n",
				enrollMillisAfterJoining.size(), percentile(enrollMillisAfterJoining, 50), percentile(enrollMillisAfterJoining, 99));
		System.out.printf("| approved / waitlisted / CLASS_FULL              | %d / %d / %d |%n", approved, waitlisted,
				enrollStatus.values().stream().filter((s) -> s == 409).count());
		System.out.printf("| watchers ok / enrollment event delay p50/p99    | %d/%d / %d / %d ms |%n", watchersOk, watching.size(),
				percentile(eventDelays, 50), eventP99);
		System.out.printf("| this load generator's own CPU during the rush   | %d %% of the machine |%n", ownCpuPercent);
		line.put("students", students);
		line.put("tickets", tickets.size());
		line.put("in_order", inOrder);
		line.put("join_p99_ms", joinP99);
		line.put("last_place_ms", lastPlaceMillis);
		line.put("joins_turned_away", joinsTurnedAway.get());
		line.put("enroll_p99_ms", p99);
		line.put("enroll_after_joining_p99_ms", percentile(enrollMillisAfterJoining, 99));
		line.put("approved", approved);
		line.put("waitlisted", waitlisted);
		line.put("watchers_ok", watchersOk + "/" + watching.size());
		line.put("event_p99_ms", eventP99);
		line.put("client_cpu_pct", ownCpuPercent);
	}

	private static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	// ---------------------------------------------------------------- streams

	private void streams(int count, Map<String, Object> line) throws Exception {
		String admin = login(System.getenv().getOrDefault("MCLASS_ADMIN_EMAIL", "admin@mclass.local"),
				System.getenv().getOrDefault("MCLASS_ADMIN_PASSWORD", "mclass-admin-dev-only"));
		String classId = createClass(admin, count, 0, false);
		List<Long> gatewayPids = pids("gateway");
		List<Long> enrollmentPids = pids("enrollment-service");
		long rssBefore = rss(gatewayPids) + rss(enrollmentPids);
		long opening = System.nanoTime();
		List<Stream> open = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> all = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(64);
		try {
			for (int i = 0; i < count; i++) {
				all.add(pool.submit(() -> {
					open.add(Stream.open(this.http, this.gateway.resolve("/api/mclasses/" + classId + "/live"), null));
					return null;
				}));
			}
			for (Future<?> future : all) {
				try {
					future.get();
				}
				catch (Exception ex) {
					this.failures.add("a stream could not be opened: " + ex.getCause());
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		long openedMillis = (System.nanoTime() - opening) / 1_000_000;
		Thread.sleep(5000);
		System.gc();
		long rssAfter = rss(gatewayPids) + rss(enrollmentPids);
		long held = open.stream().filter((s) -> !s.named("availability").isEmpty()).count();
		// Seat changes reach every stream: a few enrollments, each timed until all streams show it.
		List<Long> fanout = new ArrayList<>();
		for (int n = 1; n <= 5; n++) {
			String token = register("queue-bench-fanout-" + n).path("accessToken").asText();
			long enrolledAt = System.currentTimeMillis();
			Reply enrolled = send("POST", "/api/mclasses/" + classId + "/enrollments", token, "{\"answers\":{}}",
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
			check(enrolled.status() == 201, "fan-out enroll answered " + enrolled.status());
			int approved = n;
			long deadline = System.currentTimeMillis() + 15_000;
			for (Stream stream : open) {
				Stream.Event seen = null;
				while (seen == null && System.currentTimeMillis() < deadline) {
					seen = stream.named("availability").stream().filter((e) -> e.data().contains("\"approved\":" + approved + ",")).findFirst().orElse(null);
					if (seen == null) {
						Thread.sleep(20);
					}
				}
				if (seen != null) {
					fanout.add(seen.receivedAt() - enrolledAt);
				}
			}
			Thread.sleep(1000);
		}
		long stillOpen = open.stream().filter((s) -> !s.isClosed()).count();
		open.forEach(Stream::close);
		long perStreamKb = (held > 0) ? (rssAfter - rssBefore) / held / 1024 : -1;
		check(held == count, held + " of " + count + " streams received their first event");
		check(fanout.size() == 5L * held, "seat changes reached " + fanout.size() + " of " + 5L * held + " stream deliveries");
		System.out.println();
		System.out.println("| open streams                                     |                |");
		System.out.println("|--------------------------------------------------|----------------|");
		System.out.printf("| streams opened / receiving / still open at end   | %d / %d / %d (in %d ms) |%n", count, held, stillOpen, openedMillis);
		System.out.printf("| RSS gateway + enrollment-service before → after  | %d → %d MB |%n", rssBefore >> 20, rssAfter >> 20);
		System.out.printf("| memory per stream (both JVMs, RSS)               | %d KB |%n", perStreamKb);
		System.out.printf("| seat change → every stream p50/p99               | %d / %d ms |%n", percentile(fanout, 50), percentile(fanout, 99));
		line.put("streams", held);
		line.put("kb_per_stream", perStreamKb);
		line.put("fanout_p99_ms", percentile(fanout, 99));
	}

	// ---------------------------------------------------------------- helpers

	private String createProtectedClass(String admin, int capacity, int waitlist) throws Exception {
		String classId = createClass(admin, capacity, waitlist, true);
		String checker = register("queue-bench-check").path("accessToken").asText();
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			if (send("POST", "/api/mclasses/" + classId + "/queue", checker, null, Map.of()).status() == 201) {
				return classId;
			}
			Thread.sleep(300);
		}
		throw new IllegalStateException("the waiting room of " + classId + " never switched on");
	}

	private String createClass(String admin, int capacity, int waitlist, boolean rushProtected) throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String body = """
				{"title":"queue bench %s","description":"","capacity":%d,"waitlistCapacity":%d,"allowWaitlist":%s,
				 "visibility":"PUBLIC","selectionType":"FIRST_COME","isOnline":true,"fee":0,"rushProtected":%s,
				 "recruitStartAt":"%s","recruitEndAt":"%s","startAt":"%s","endAt":"%s"}"""
			.formatted(UUID.randomUUID(), capacity, waitlist, waitlist > 0, rushProtected, now.minus(1, ChronoUnit.HOURS),
					now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS));
		Reply created = send("POST", "/api/mclasses", admin, body, Map.of());
		if (created.status() != 201) {
			throw new IllegalStateException("class not created: " + created.body());
		}
		String classId = created.data().path("id").asText();
		long deadline = System.currentTimeMillis() + 30_000;
		while (send("GET", "/api/mclasses/" + classId + "/availability", null, null, Map.of()).status() != 200) {
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException("class " + classId + " never reached enrollment-service");
			}
			Thread.sleep(200);
		}
		return classId;
	}

	private List<JsonNode> admissionLog(String admin, String classId) throws Exception {
		List<JsonNode> log = new ArrayList<>();
		String after = null;
		while (true) {
			Reply page = send("GET", "/api/admin/mclasses/" + classId + "/queue/admissions?limit=10000" + ((after != null) ? "&after=" + after : ""),
					admin, null, Map.of());
			JsonNode data = page.data();
			if (data.size() == 0) {
				return log;
			}
			data.forEach(log::add);
			after = data.get(data.size() - 1).path("id").asText();
		}
	}

	private String login(String email, String password) throws Exception {
		Reply reply = send("POST", "/api/auth/login", null, JSON.writeValueAsString(Map.of("email", email, "password", password)), Map.of());
		if (reply.status() != 200) {
			throw new IllegalStateException("login of " + email + " failed: " + reply.body());
		}
		return reply.data().path("accessToken").asText();
	}

	private List<String> termIds;

	private synchronized List<String> requiredTerms() throws Exception {
		if (this.termIds == null) {
			List<String> ids = new ArrayList<>();
			for (JsonNode term : send("GET", "/api/terms", null, null, Map.of()).data()) {
				if (term.path("isRequired").asBoolean()) {
					ids.add(term.path("id").asText());
				}
			}
			this.termIds = ids;
		}
		return this.termIds;
	}

	private JsonNode register(String name) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("email", name + "-" + UUID.randomUUID() + "@bench.example");
		body.put("password", PASSWORD);
		body.put("name", name);
		body.put("termIds", requiredTerms());
		Reply reply = retried(() -> send("POST", "/api/auth/register", null, JSON.writeValueAsString(body), Map.of()), new AtomicInteger());
		if (reply.status() != 201) {
			throw new IllegalStateException("register failed: " + reply.body());
		}
		return reply.data();
	}

	interface Call {

		Reply call() throws Exception;

	}

	/** Until {@code due} (System.nanoTime()), at least a second, plus up to half a second so polls do not bunch. */
	private static long pause(long due) {
		return Math.max(1_000, (due - System.nanoTime()) / 1_000_000) + (long) (Math.random() * 500);
	}

	private void enroll(String classId, int i, String token, String ticket, AtomicInteger stillJoining, AtomicInteger requests,
			List<Long> enrollMillisWhileJoining, List<Long> enrollMillisAfterJoining, Map<Integer, Integer> enrollStatus,
			Map<Integer, String> enrolledAs) throws Exception {
		String key = UUID.randomUUID().toString();
		Reply enrolled;
		do {
			boolean whileJoining = stillJoining.get() > 0;
			long sent = System.nanoTime();
			enrolled = send("POST", "/api/mclasses/" + classId + "/enrollments", token, "{\"answers\":{}}",
					Map.of("Idempotency-Key", key, "Queue-Ticket", ticket));
			requests.incrementAndGet();
			(whileJoining ? enrollMillisWhileJoining : enrollMillisAfterJoining).add((System.nanoTime() - sent) / 1_000_000);
		}
		while (enrolled.status() == 503 || enrolled.status() == 429);
		enrollStatus.put(i, enrolled.status());
		if (enrolled.status() == 201) {
			enrolledAs.put(i, enrolled.data().path("status").asText());
		}
		else if (!"CLASS_FULL".equals(enrolled.code())) {
			this.failures.add("student " + i + " enroll answered " + enrolled.status() + " " + enrolled.body());
		}
	}

	private static Reply retried(Call call, AtomicInteger requests) throws Exception {
		return retried(call, requests, new AtomicInteger());
	}

	/** {@code call} again after a pause while it is answered 503 or 429 (each counted in {@code turnedAway}), 60 times at most. */
	private static Reply retried(Call call, AtomicInteger requests, AtomicInteger turnedAway) throws Exception {
		Reply reply = call.call();
		requests.incrementAndGet();
		for (int attempt = 0; reply.status() == 503 || reply.status() == 429; attempt++) {
			turnedAway.incrementAndGet();
			if (attempt == 60) {
				break;
			}
			Thread.sleep(500 + (long) (Math.random() * 500));
			reply = call.call();
			requests.incrementAndGet();
		}
		return reply;
	}

	private Reply send(String method, String path, String token, String body, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Reply(response.statusCode(), response.body());
	}

	interface Indexed<T> {

		T call(int index) throws Exception;

	}

	private static <T> List<T> parallel(int count, int concurrency, Indexed<T> task) throws Exception {
		List<Future<T>> futures = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> task.call(index)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void check(boolean holds, String what) {
		if (!holds) {
			this.failures.add(what);
		}
	}

	private static long percentile(List<Long> values, int percent) {
		if (values.isEmpty()) {
			return -1;
		}
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
	}

	/** The platform's JVMs of one service, found by their jar or main class on this machine (RSS only). */
	private static List<Long> pids(String service) {
		return ProcessHandle.allProcesses()
			.filter((p) -> p.info().commandLine().map((c) -> c.contains(service + ".jar") || c.contains("/" + service + "/target/classes")).orElse(false))
			.map(ProcessHandle::pid)
			.toList();
	}

	private static long rss(List<Long> pids) {
		long total = 0;
		for (long pid : pids) {
			try {
				for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
					if (line.startsWith("VmRSS:")) {
						total += Long.parseLong(line.replaceAll("\\D", "")) * 1024;
					}
				}
			}
			catch (IOException ex) {
				// not on Linux, or gone
			}
		}
		return total;
	}

	record Reply(int status, String body) {

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("not JSON: " + this.body, ex);
			}
		}

		JsonNode data() {
			return json().path("data");
		}

		String code() {
			return json().path("error").path("code").asText();
		}

	}

	/** One live stream, read by the HTTP client's own threads (no thread per stream). */
	static final class Stream implements Flow.Subscriber<String> {

		private final List<Event> events = new CopyOnWriteArrayList<>();

		private volatile Flow.Subscription subscription;

		private volatile boolean closed;

		private String name = "message";

		private final StringBuilder data = new StringBuilder();

		static Stream open(HttpClient http, URI url, String token) {
			HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream");
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			Stream stream = new Stream();
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
			return this.events.stream().filter((e) -> e.name().equals(name)).toList();
		}

		boolean isClosed() {
			return this.closed;
		}

		void close() {
			Flow.Subscription current = this.subscription;
			if (current != null) {
				current.cancel();
			}
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
					this.events.add(new Event(this.name, this.data.toString(), System.currentTimeMillis()));
				}
				this.name = "message";
				this.data.setLength(0);
			}
			else if (line.startsWith("event:")) {
				this.name = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				this.data.append(line.substring(5).strip());
			}
		}

		@Override
		public void onError(Throwable failure) {
			this.closed = true;
		}

		@Override
		public void onComplete() {
			this.closed = true;
		}

		record Event(String name, String data, long receivedAt) {
		}

	}

}
