package com.mclass.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The untimed steps of {@code ./mclass bench} (load-tests/bench.sh), one command per JVM start; the timed part is wrk.
 * Settings come from system properties as for the Gatling rush ({@link BenchSettings}: {@code baseUrl},
 * {@code load-tests.target}, {@code setupConcurrency}, admin credentials from the environment). Output: {@code name=value}
 * lines on standard out, progress on standard out prefixed like the rush's setup.
 * <ul>
 * <li>{@code students N DIR}: N student access tokens ({@code DIR/tokens.txt}, one per line), their sign-in bodies
 * ({@code DIR/logins.txt}, one JSON per line) and one more student's token ({@code DIR/filler.txt}), through
 * {@link BenchUsers}: cached students signed in with their refresh token (no bcrypt), missing ones registered.</li>
 * <li>{@code class CAPACITY WAITLIST TITLE [FILLER_TOKEN_FILE]}: a first-come class recruiting now, waited for until
 * enrollment-service knows it; with a filler, that student enrolls first (a class of capacity 1 and no waitlist is then
 * sold out). Prints {@code class_id=…}.</li>
 * <li>{@code verdict CLASS_ID}: the platform's counts for a class (availability and the admin list).</li>
 * <li>{@code quiet}: waits until no email and no outbox event is pending (at most {@code quietTimeoutMillis}).</li>
 * <li>{@code bcrypt COST THREADS SECONDS}: the sign-in ceiling of this machine, see {@link BcryptCeiling}.</li>
 * </ul>
 */
public final class BenchTool {

	private BenchTool() {
	}

	public static void main(String[] args) {
		if (args.length == 0) {
			throw new IllegalArgumentException("usage: BenchTool students|class|verdict|quiet|bcrypt …");
		}
		switch (args[0]) {
			case "students" -> students(Integer.parseInt(args[1]), Path.of(args[2]));
			case "class" -> createClass(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3],
					(args.length > 4) ? Path.of(args[4]) : null);
			case "verdict" -> verdict(args[1]);
			case "quiet" -> {
				try (RushSetup setup = new RushSetup(BenchSettings.fromSystemProperties())) {
					setup.awaitQuiet("before the next row");
				}
			}
			case "bcrypt" -> BcryptCeiling.main(new String[] { args[1], args[2], args[3] });
			default -> throw new IllegalArgumentException("unknown command " + args[0]);
		}
	}

	private static void students(int count, Path directory) {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, settings.setupConcurrency()));
		try (RushSetup setup = new RushSetup(settings)) {
			PlatformClient client = new PlatformClient(settings.baseUrl(), settings.requestTimeout());
			BenchUsers users = new BenchUsers(client, settings, setup.requiredTerms(), pool);
			List<BenchUsers.Student> students = users.obtain(count + 1);
			List<String> tokens = new ArrayList<>(count);
			List<String> logins = new ArrayList<>(count);
			for (BenchUsers.Student student : students.subList(0, count)) {
				tokens.add(student.accessToken());
				logins.add(PlatformClient.write(Map.of("email", student.email(), "password", student.password())));
			}
			Files.createDirectories(directory);
			Files.write(directory.resolve("tokens.txt"), tokens, StandardCharsets.UTF_8);
			Files.write(directory.resolve("logins.txt"), logins, StandardCharsets.UTF_8);
			Files.write(directory.resolve("filler.txt"), List.of(students.get(count).accessToken()), StandardCharsets.UTF_8);
			System.out.println("students=" + count);
			System.out.println("registered=" + users.registered());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void createClass(int capacity, int waitlist, String title, Path fillerTokenFile) {
		BenchSettings settings = BenchSettings.fromSystemProperties();
		try (RushSetup setup = new RushSetup(settings)) {
			String id = setup.createClass(setup.adminToken(), title, capacity, waitlist);
			setup.awaitKnown(id);
			if (fillerTokenFile != null) {
				String token = Files.readString(fillerTokenFile, StandardCharsets.UTF_8).strip();
				PlatformClient client = new PlatformClient(settings.baseUrl(), settings.requestTimeout());
				client.post("/api/mclasses/" + id + "/enrollments", token, Map.of("answers", Map.of()),
						Map.of("Idempotency-Key", "bench-filler-" + UUID.randomUUID()))
					.expect(201, "the filler's enrollment in " + id);
				JsonNode availability = setup.availability(id);
				RushSetup.log("Filled class " + id + ": " + availability);
			}
			System.out.println("class_id=" + id);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void verdict(String classId) {
		try (RushSetup setup = new RushSetup(BenchSettings.fromSystemProperties())) {
			RushSetup.Verdict verdict = setup.verdict(classId);
			System.out.println("approved=" + verdict.availability().path("approved").asLong(-1));
			System.out.println("waitlisted=" + verdict.availability().path("waitlisted").asLong(-1));
			System.out.println("admin_approved=" + verdict.adminApproved());
			System.out.println("admin_waitlisted=" + verdict.adminWaitlisted());
			System.out.println("admin_all=" + verdict.adminAll());
		}
	}

}
