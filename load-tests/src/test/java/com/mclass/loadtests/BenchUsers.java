package com.mclass.loadtests;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The students of the rush, each with a fresh access token. Registering costs a bcrypt hash (~70 ms of a core), and so
 * does logging in, so created students are kept in a CSV cache ({@code email,password}, one per line) and signed in
 * again on later runs — with the refresh token of their last session when {@code bench-sessions.csv} has one (no
 * bcrypt: a 7-day session, rotated at each use), else by logging in; only the students the cache lacks are registered (and appended to it at once, so an
 * interrupted setup keeps what it made). A cache the platform does not know (its databases were recreated) is set
 * aside as {@code .stale} after one probe, instead of failing thousands of logins — which would also lock this
 * client's address out of logging in.
 */
final class BenchUsers {

	private static final SecureRandom RANDOM = new SecureRandom();

	record Student(String email, String password, String accessToken, String refreshToken) {
	}

	private record Credentials(String email, String password) {
	}

	private final PlatformClient client;

	private final BenchSettings settings;

	private final List<String> termIds;

	private final ExecutorService pool;

	private final AtomicInteger registered = new AtomicInteger();

	private final AtomicInteger loggedIn = new AtomicInteger();

	private final AtomicInteger refreshed = new AtomicInteger();

	/** email → refresh token of the student's last session (7 days), from {@code bench-sessions.csv}. */
	private Map<String, String> sessions = Map.of();

	private BufferedWriter cacheWriter;

	BenchUsers(PlatformClient client, BenchSettings settings, List<String> termIds, ExecutorService pool) {
		this.client = client;
		this.settings = settings;
		this.termIds = termIds;
		this.pool = pool;
	}

	int registered() {
		return this.registered.get();
	}

	int loggedIn() {
		return this.loggedIn.get();
	}

	int refreshed() {
		return this.refreshed.get();
	}

	private Path sessionsCsv() {
		return this.settings.usersCsv().resolveSibling("bench-sessions.csv");
	}

	List<Student> obtain(int count) {
		List<Credentials> cached = readCache();
		if (!cached.isEmpty() && login(cached.get(0)) == null) {
			Path stale = this.settings.usersCsv().resolveSibling(this.settings.usersCsv().getFileName() + ".stale");
			log("The platform does not know the cached students (databases recreated?): moving the cache to " + stale);
			move(this.settings.usersCsv(), stale);
			cached = List.of();
		}
		this.sessions = readSessions();
		String run = HexFormat.of().formatHex(RANDOM.generateSeed(4));
		log("Obtaining " + count + " student tokens: " + Math.min(count, cached.size()) + " from the cache (refresh token, else login), "
				+ Math.max(0, count - cached.size()) + " to register, " + this.settings.setupConcurrency() + " at a time");
		long started = System.nanoTime();
		AtomicInteger done = new AtomicInteger();
		List<CompletableFuture<Student>> futures = new ArrayList<>(count);
		// Interrupted (Ctrl-C, a timeout) before the end: keep the sessions of the students signed in so far, and the
		// unused ones of the others, which are still valid; else the next run has to log everyone in again (bcrypt).
		Queue<Student> ready = new ConcurrentLinkedQueue<>();
		Thread keepSessions = new Thread(() -> writeSessions(new ArrayList<>(ready), true), "bench-sessions");
		Runtime.getRuntime().addShutdownHook(keepSessions);
		try {
			for (int i = 0; i < count; i++) {
				Credentials known = (i < cached.size()) ? cached.get(i) : null;
				int index = i;
				futures.add(CompletableFuture.supplyAsync(() -> {
					Student student = (known != null) ? loginOrReplace(known, run, index) : register(newCredentials(run, index));
					ready.add(student);
					int finished = done.incrementAndGet();
					if (finished % 500 == 0 || finished == count) {
						double seconds = (System.nanoTime() - started) / 1e9;
						log(String.format("  %d/%d students ready (%.0f s, %.0f/s)", finished, count, seconds, finished / seconds));
					}
					return student;
				}, this.pool));
			}
			List<Student> students = new ArrayList<>(count);
			for (CompletableFuture<Student> future : futures) {
				students.add(future.join());
			}
			closeCache();
			// Keep the cache to the credentials that work: the ones just used first, then those this run did not need.
			List<Credentials> keep = new ArrayList<>();
			students.forEach((student) -> keep.add(new Credentials(student.email(), student.password())));
			keep.addAll(cached.subList(Math.min(count, cached.size()), cached.size()));
			rewriteCache(keep);
			writeSessions(students, false);
			Runtime.getRuntime().removeShutdownHook(keepSessions);
			return students;
		}
		finally {
			closeCache();
		}
	}

	private void rewriteCache(List<Credentials> credentials) {
		Path csv = this.settings.usersCsv();
		Path temporary = csv.resolveSibling(csv.getFileName() + ".tmp");
		try {
			Files.createDirectories(csv.toAbsolutePath().getParent());
			List<String> lines = new ArrayList<>(credentials.size());
			credentials.forEach((entry) -> lines.add(entry.email() + "," + entry.password()));
			Files.write(temporary, lines, StandardCharsets.UTF_8);
			Files.move(temporary, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Student loginOrReplace(Credentials credentials, String run, int index) {
		String refreshToken = this.sessions.get(credentials.email());
		if (refreshToken != null) {
			// No bcrypt on this path: a new access token for the session of the last run (refresh tokens rotate)
			PlatformClient.Reply reply = this.client.post("/api/auth/refresh", null, Map.of("refreshToken", refreshToken));
			if (reply.status() == 200) {
				this.refreshed.incrementAndGet();
				return student(credentials, reply);
			}
		}
		Student student = login(credentials);
		return (student != null) ? student : register(newCredentials(run, index));
	}

	/** Logs in; {@code null} when the platform does not know these credentials. */
	private Student login(Credentials credentials) {
		PlatformClient.Reply reply = this.client.post("/api/auth/login", null,
				Map.of("email", credentials.email(), "password", credentials.password()));
		if (reply.status() == 401) {
			return null;
		}
		reply.expect(200, "login of " + credentials.email());
		this.loggedIn.incrementAndGet();
		return student(credentials, reply);
	}

	private Student register(Credentials credentials) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", credentials.email());
		body.put("password", credentials.password());
		body.put("name", "Bench " + credentials.email().substring(0, credentials.email().indexOf('@')));
		body.put("termIds", this.termIds);
		PlatformClient.Reply reply = this.client.post("/api/auth/register", null, body);
		if (reply.status() == 409) { // EMAIL_TAKEN: made by an earlier, interrupted attempt of this very request
			Student student = login(credentials);
			if (student != null) {
				remember(credentials);
				return student;
			}
		}
		reply.expect(201, "registration of " + credentials.email());
		remember(credentials);
		this.registered.incrementAndGet();
		return student(credentials, reply);
	}

	private static Student student(Credentials credentials, PlatformClient.Reply reply) {
		return new Student(credentials.email(), credentials.password(), reply.data().path("accessToken").asText(),
				reply.data().path("refreshToken").asText(null));
	}

	private Map<String, String> readSessions() {
		Path csv = sessionsCsv();
		Map<String, String> tokens = new java.util.HashMap<>();
		if (Files.isRegularFile(csv)) {
			try {
				for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
					int comma = line.indexOf(',');
					if (comma > 0) {
						tokens.put(line.substring(0, comma), line.substring(comma + 1).trim());
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// each token is used once: a crash before the new ones are written must not replay them (reuse ends the session)
			try {
				Files.delete(csv);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return tokens;
	}

	/** @param keepUnused also the sessions read at the start that this run has not used (still valid) */
	private void writeSessions(List<Student> students, boolean keepUnused) {
		Map<String, String> tokens = new LinkedHashMap<>();
		if (keepUnused) {
			tokens.putAll(this.sessions);
		}
		for (Student student : students) {
			if (student.refreshToken() != null && !student.refreshToken().isEmpty()) {
				tokens.put(student.email(), student.refreshToken());
			}
		}
		List<String> lines = new ArrayList<>(tokens.size());
		tokens.forEach((email, token) -> lines.add(email + "," + token));
		try {
			Files.write(sessionsCsv(), lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Credentials newCredentials(String run, int index) {
		byte[] secret = new byte[12];
		RANDOM.nextBytes(secret);
		return new Credentials("bench." + run + "." + index + "@example.com",
				"Bench-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
	}

	private List<Credentials> readCache() {
		Path csv = this.settings.usersCsv();
		if (!Files.isRegularFile(csv)) {
			return List.of();
		}
		try {
			List<Credentials> credentials = new ArrayList<>();
			for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
				int comma = line.indexOf(',');
				if (comma <= 0 || line.startsWith("email,")) {
					continue;
				}
				credentials.add(new Credentials(line.substring(0, comma).trim(), line.substring(comma + 1).trim()));
			}
			return credentials;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private synchronized void remember(Credentials credentials) {
		try {
			if (this.cacheWriter == null) {
				Files.createDirectories(this.settings.usersCsv().toAbsolutePath().getParent());
				this.cacheWriter = Files.newBufferedWriter(this.settings.usersCsv(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			this.cacheWriter.write(credentials.email() + "," + credentials.password());
			this.cacheWriter.newLine();
			this.cacheWriter.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private synchronized void closeCache() {
		if (this.cacheWriter != null) {
			try {
				this.cacheWriter.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.cacheWriter = null;
		}
	}

	private static void move(Path from, Path to) {
		try {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void log(String message) {
		System.out.println("[rush setup] " + message);
	}

}
