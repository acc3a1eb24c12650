package com.mclass.loadtests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything before the rush, untimed: the admin signs in and creates the rush class (first come, no form, recruiting
 * now) and a warm-up class; both are waited for until enrollment-service knows them (availability 200); the students
 * get their tokens; the warm-up enrollments run. Also what the rush is checked against afterwards.
 */
final class RushSetup implements AutoCloseable {

	private final BenchSettings settings;

	private final ExecutorService pool;

	private final PlatformClient client;

	RushSetup(BenchSettings settings) {
		this.settings = settings;
		this.pool = Executors.newFixedThreadPool(Math.max(2, settings.setupConcurrency()), (runnable) -> {
			Thread thread = new Thread(runnable, "rush-setup");
			thread.setDaemon(true);
			return thread;
		});
		this.client = new PlatformClient(settings.baseUrl(), settings.requestTimeout());
	}

	/** What the rush needs. */
	record Prepared(String runId, String classId, String warmupClassId, String adminToken, List<BenchUsers.Student> students,
			int registered, int loggedIn, long rateLimitedDuringSetup, double setupSeconds) {
	}

	/** The platform's view of the rush class after the rush. */
	record Verdict(JsonNode availability, long adminApproved, long adminWaitlisted, long adminAll) {
	}

	Prepared prepare() {
		long started = System.nanoTime();
		String runId = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(3));
		log("Gateway " + this.settings.baseUrl() + ", run " + runId + ", " + this.settings.users() + " students");
		List<String> termIds = requiredTerms();
		String admin = adminToken();
		String classId = createClass(admin, "Rush " + runId, this.settings.capacity(), this.settings.waitlistCapacity());
		String warmupClassId = null;
		if (this.settings.warmupUsers() > 0) {
			// Refusals are most of a rush, so most of the warm-up too: one in 20 gets a seat, one in 40 waits. Few places
			// also means few emails, which notification-service would otherwise still be sending during the rush.
			int seats = Math.max(2, this.settings.warmupUsers() / 20);
			warmupClassId = createClass(admin, "Rush " + runId + " warm-up", seats, Math.max(1, seats / 2));
		}
		awaitKnown(classId);
		if (warmupClassId != null) {
			awaitKnown(warmupClassId);
		}
		BenchUsers users = new BenchUsers(this.client, this.settings, termIds, this.pool);
		List<BenchUsers.Student> students = users.obtain(this.settings.users());
		awaitQuiet(admin, "after setup");
		JsonNode before = availability(classId);
		if (before.path("approved").asInt() != 0 || before.path("waitlisted").asInt() != 0
				|| !"OPEN".equals(before.path("recruitState").asText())) {
			throw new IllegalStateException("The rush class is not fresh and open: " + before);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		log(String.format("Setup done in %.0f s (%d registered, %d logged in, %d refreshed, %d answers 429 waited out); rush class %s",
				seconds, users.registered(), users.loggedIn(), users.refreshed(), this.client.rateLimitedCount(), classId));
		return new Prepared(runId, classId, warmupClassId, admin, students, users.registered(), users.loggedIn() + users.refreshed(),
				this.client.rateLimitedCount(), seconds);
	}

	/** The platform's counts for the class; logs the admin in again (tokens live 15 minutes, setup can take longer). */
	Verdict verdict(String classId) {
		String adminToken = adminToken();
		JsonNode availability = availability(classId);
		return new Verdict(availability, adminTotal(adminToken, classId, "APPROVED"), adminTotal(adminToken, classId, "WAITLISTED"),
				adminTotal(adminToken, classId, null));
	}

	/**
	 * Waits (bounded by {@code quietTimeoutMillis}) until the platform has no asynchronous work left from the setup or
	 * the warm-up: no unpublished outbox event in enrollment-service and no email pending in notification-service
	 * (both from the admin dashboard). Registering thousands of students queues thousands of emails; a rush started
	 * on top of them would measure the mail sender too.
	 * @return seconds waited, negative when the platform was still busy at the timeout
	 */
	double awaitQuiet(String when) {
		return awaitQuiet(adminToken(), when);
	}

	private double awaitQuiet(String admin, String when) {
		long started = System.nanoTime();
		long deadline = started + this.settings.quietTimeoutMillis() * 1_000_000L;
		String last = "";
		while (true) {
			PlatformClient.Reply reply = this.client.get("/api/admin/dashboard", admin);
			if (reply.status() != 200) {
				log("Cannot read the admin dashboard (" + reply.status() + "): not waiting for a quiet platform " + when);
				return 0;
			}
			JsonNode data = reply.data();
			long emails = data.path("emails").path("available").asBoolean(false) ? data.path("emails").path("pending").asLong(0) : 0;
			long outbox = data.path("outbox").path("pending").asLong(0);
			double waited = (System.nanoTime() - started) / 1e9;
			if (emails == 0 && outbox == 0) {
				if (waited >= 1) {
					log(String.format("Platform quiet %s after %.0f s (emails and events all sent)", when, waited));
				}
				return waited;
			}
			if (System.nanoTime() > deadline) {
				log(String.format("Platform still busy %s after %.0f s (%d emails, %d events pending): going on", when, waited, emails,
						outbox));
				return -waited;
			}
			String now = emails + " emails, " + outbox + " events pending";
			if (!now.equals(last) && ((long) waited) % 10 == 0) {
				log("Waiting for a quiet platform " + when + ": " + now);
				last = now;
			}
			sleep(500);
		}
	}

	List<String> requiredTerms() {
		JsonNode terms = this.client.get("/api/terms", null).expect(200, "GET /api/terms").data();
		List<String> ids = new ArrayList<>();
		for (JsonNode term : terms) {
			if (term.path("isRequired").asBoolean(false)) {
				ids.add(term.path("id").asText());
			}
		}
		return ids;
	}

	String adminToken() {
		return this.client
			.post("/api/auth/login", null, Map.of("email", this.settings.adminEmail(), "password", this.settings.adminPassword()))
			.expect(200, "admin login (" + this.settings.adminEmail() + "; set MCLASS_ADMIN_EMAIL/MCLASS_ADMIN_PASSWORD)")
			.data()
			.path("accessToken")
			.asText();
	}

	String createClass(String admin, String title, int capacity, int waitlistCapacity) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("description", "Enrollment-rush benchmark class (load-tests/RushSimulation). Safe to delete.");
		body.put("capacity", capacity);
		body.put("waitlistCapacity", waitlistCapacity);
		body.put("allowWaitlist", waitlistCapacity > 0);
		body.put("visibility", "PUBLIC");
		body.put("selectionType", "FIRST_COME");
		body.put("isOnline", true);
		body.put("fee", 0);
		body.put("recruitStartAt", now.minus(Duration.ofMinutes(1)).toString());
		body.put("recruitEndAt", now.plus(Duration.ofHours(6)).toString());
		body.put("startAt", now.plus(Duration.ofHours(7)).toString());
		body.put("endAt", now.plus(Duration.ofHours(9)).toString());
		String id = this.client.post("/api/mclasses", admin, body).expect(201, "POST /api/mclasses").data().path("id").asText();
		log("Created class " + id + " \"" + title + "\": " + capacity + " seats + " + waitlistCapacity + " waitlist");
		return id;
	}

	/** enrollment-service learns about a class from Kafka (about a second) or asks class-service: wait for either. */
	void awaitKnown(String classId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int last = 0;
		while (System.nanoTime() < deadline) {
			last = this.client.get("/api/mclasses/" + classId + "/availability", null).status();
			if (last == 200) {
				return;
			}
			sleep(200);
		}
		throw new IllegalStateException("enrollment-service did not know class " + classId + " within 60 s (last answer " + last + ")");
	}

	JsonNode availability(String classId) {
		return this.client.get("/api/mclasses/" + classId + "/availability", null)
			.expect(200, "GET availability of " + classId)
			.data();
	}

	long adminTotal(String admin, String classId, String status) {
		String query = "/api/admin/enrollments?mclassId=" + classId + ((status != null) ? "&status=" + status : "") + "&page=0&size=1";
		PlatformClient.Reply reply = this.client.get(query, admin).expect(200, "GET " + query);
		return reply.body().path("meta").path("totalElements").asLong(-1);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void log(String message) {
		System.out.println("[rush setup] " + message);
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
	}

}
