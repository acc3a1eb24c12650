package com.mclass.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for an MClass service in the launcher's tests: a JVM that reads the same environment, logs ECS JSON
 * lines, answers {@code /actuator/health/readiness} and shows its environment at {@code /env}. Its behaviour is
 * chosen with {@code FAKE_BEHAVIOUR}: {@code ready} (default), {@code exit} (fails while starting),
 * {@code linger} (fails but its JVM stays up) or {@code never-ready}. A training start
 * ({@code -Dspring.context.exit=onRefresh}) exits after starting, with 1 when {@code FAKE_TRAINING_FAILS} is set.
 */
public final class FakeService {

	private FakeService() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> environment = System.getenv();
		String behaviour = environment.getOrDefault("FAKE_BEHAVIOUR", "ready");
		log("INFO", "Starting fake service with behaviour " + behaviour, null);
		Thread.sleep(Long.parseLong(environment.getOrDefault("FAKE_STARTUP_DELAY_MS", "200")));
		if ("onRefresh".equals(System.getProperty("spring.context.exit"))) {
			// A training start, as Spring Boot does it: up to the end of the context refresh, then exit.
			log("INFO", "Training start ends here", null);
			System.exit(environment.containsKey("FAKE_TRAINING_FAILS") ? 1 : 0);
		}
		if (behaviour.equals("exit")) {
			log("ERROR", "Application run failed", "java.lang.IllegalStateException: no database\\n\\tat fake.Main.main(Main.java:1)");
			System.exit(3);
		}
		if (behaviour.equals("linger")) {
			// Like a Spring Boot app whose context failed while a non-daemon thread keeps the JVM up.
			log("ERROR", "Application run failed", "java.lang.NoClassDefFoundError: gone\\n\\tat fake.Main.main(Main.java:1)");
			Thread lingering = new Thread(() -> sleep(600_000));
			lingering.start();
			return;
		}
		if (environment.containsKey("FAKE_CHILD_COMMAND")) {
			new ProcessBuilder(environment.get("FAKE_CHILD_COMMAND").split(" ")).inheritIO().start();
		}
		long slowShutdown = Long.parseLong(environment.getOrDefault("FAKE_SHUTDOWN_DELAY_MS", "0"));
		HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(environment.get("SERVER_PORT"))), 0);
		// Actuator on its own port when MANAGEMENT_SERVER_PORT says so, as the services do.
		String managementPort = environment.get("MANAGEMENT_SERVER_PORT");
		HttpServer management = (managementPort == null || managementPort.equals(environment.get("SERVER_PORT"))) ? server
				: HttpServer.create(new InetSocketAddress(Integer.parseInt(managementPort)), 0);
		management.createContext("/actuator/health/readiness", (exchange) -> {
			boolean ready = !behaviour.equals("never-ready");
			respond(exchange, ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
		});
		server.createContext("/env", (exchange) -> {
			StringBuilder json = new StringBuilder("{");
			new TreeMap<>(environment).forEach((name, value) -> {
				if (name.startsWith("SPRING_") || name.startsWith("MCLASS_") || name.startsWith("SERVER_")
						|| name.startsWith("LOGGING_") || name.startsWith("MANAGEMENT_")) {
					json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":\"")
						.append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
				}
			});
			respond(exchange, 200, json.append('}').toString());
		});
		server.start();
		if (management != server) {
			management.start();
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			log("INFO", "Received SIGTERM, stopping", null);
			sleep(slowShutdown);
			server.stop(0);
			if (management != server) {
				management.stop(0);
			}
		}));
		log("INFO", "Started fake service on port " + environment.get("SERVER_PORT"), null);
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void log(String level, String message, String stackTrace) {
		System.out.println("{\"@timestamp\":\"" + Instant.now() + "\",\"log\":{\"level\":\"" + level
				+ "\",\"logger\":\"fake.FakeService\"},\"message\":\"" + message + "\""
				+ ((stackTrace != null) ? ",\"error\":{\"stack_trace\":\"" + stackTrace + "\"}" : "") + "}");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
