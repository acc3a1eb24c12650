package com.mclass.enrollment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * class-service, auth-service and notification-service as enrollment-service sees them: a JDK HTTP server per test
 * JVM answering their internal endpoints under {@code /class}, {@code /auth} and {@code /notification}. A test
 * registers what class-service knows, sets the statistics, or takes a service "down" (its connections are cut
 * without an answer, like a crashed process). Like the real services, {@code /internal/**} answers only a service
 * token, which auth-service's token endpoint (here under {@code /tokens}, so that taking auth-service's statistics
 * down leaves it up) issues for enrollment-service's client credentials.
 */
public final class RemoteServicesStub {

	public static final String CLASS = "/class";

	public static final String AUTH = "/auth";

	public static final String NOTIFICATION = "/notification";

	public static final String TOKENS = "/tokens";

	private static final String CLIENT_CREDENTIALS = "Basic " + java.util.Base64.getEncoder()
		.encodeToString("enrollment-service:dev-only-enrollment-service-secret".getBytes(StandardCharsets.UTF_8));

	private static final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();

	private static HttpServer server;

	private static final Map<UUID, String> seatConfigs = new ConcurrentHashMap<>();

	private static final Map<String, String> stats = new ConcurrentHashMap<>();

	private static final Map<String, Boolean> down = new ConcurrentHashMap<>();

	private static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private static final Map<String, Long> delays = new ConcurrentHashMap<>();

	private static final Map<String, List<String>> usersByEmail = new ConcurrentHashMap<>();

	private RemoteServicesStub() {
	}

	public static synchronized String baseUrl() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.setExecutor(Executors.newFixedThreadPool(8));
			server.createContext("/", RemoteServicesStub::handle);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "remote-services-stub-stop"));
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** class-service knows this class: its seat-config answer is {@code {"success":true,"data":<dataJson>}}. */
	public static void knowsClass(UUID classId, String dataJson) {
		seatConfigs.put(classId, "{\"success\":true,\"data\":" + dataJson + "}");
	}

	public static void forgetClass(UUID classId) {
		seatConfigs.remove(classId);
	}

	/** The {@code data} of {@code GET <service>/internal/stats}. */
	public static void stats(String service, String dataJson) {
		stats.put(service, "{\"success\":true,\"data\":" + dataJson + "}");
	}

	/**
	 * auth-service has an account with this address: {@code POST /internal/users/lookup} lists it. Called twice for one
	 * address, the address has two accounts.
	 */
	public static void knowsUser(String email, UUID id, boolean signUpCompleted, boolean disabled) {
		String user = "{\"id\":\"" + id + "\",\"email\":\"" + email + "\",\"name\":\"학생\",\"locale\":\"ko\",\"signUpCompleted\":"
				+ signUpCompleted + ",\"disabled\":" + disabled + "}";
		usersByEmail.computeIfAbsent(email.toLowerCase(java.util.Locale.ROOT), (key) -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(user);
	}

	public static void down(String service, boolean isDown) {
		down.put(service, isDown);
	}

	/** The service answers only after this long (0: at once). */
	public static void delay(String service, long millis) {
		delays.put(service, millis);
	}

	public static int calls(String path) {
		AtomicInteger count = calls.get(path);
		return (count != null) ? count.get() : 0;
	}

	private static void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		calls.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
		String service = List.of(CLASS, AUTH, NOTIFICATION).stream().filter(path::startsWith).findFirst().orElse("");
		if (Boolean.TRUE.equals(down.get(service))) {
			exchange.close(); // no status line: the caller sees the connection end, as with a crashed service
			return;
		}
		long delay = delays.getOrDefault(service, 0L);
		if (delay > 0) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (path.equals(TOKENS + "/oauth2/token")) {
			issueToken(exchange);
			return;
		}
		String rest = path.substring(service.length());
		if (rest.startsWith("/internal/") && !presentsServiceToken(exchange)) {
			respond(exchange, 401, "{\"success\":false,\"error\":{\"code\":\"UNAUTHENTICATED\",\"message\":\"no service token\"}}");
			return;
		}
		if (rest.equals("/internal/stats") && stats.containsKey(service)) {
			respond(exchange, 200, stats.get(service));
			return;
		}
		if (service.equals(AUTH) && rest.equals("/internal/users/lookup")) {
			java.util.List<String> found = new java.util.ArrayList<>();
			for (tools.jackson.databind.JsonNode email : Api.json.readTree(exchange.getRequestBody()).path("emails")) {
				found.addAll(usersByEmail.getOrDefault(email.asString().toLowerCase(java.util.Locale.ROOT), List.of()));
			}
			respond(exchange, 200, "{\"success\":true,\"data\":{\"users\":[" + String.join(",", found) + "]}}");
			return;
		}
		if (service.equals(CLASS) && rest.startsWith("/internal/mclasses/") && rest.endsWith("/seat-config")) {
			String id = rest.substring("/internal/mclasses/".length(), rest.length() - "/seat-config".length());
			String known = seatConfigs.get(UUID.fromString(id));
			if (known != null) {
				respond(exchange, 200, known);
				return;
			}
		}
		respond(exchange, 404, "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"not found\"}}");
	}

	private static void issueToken(HttpExchange exchange) throws IOException {
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (!CLIENT_CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))
				|| !form.contains("grant_type=client_credentials")) {
			respond(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		String token = "stub-service-token-" + UUID.randomUUID();
		issuedTokens.add(token);
		respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
	}

	private static boolean presentsServiceToken(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		return authorization != null && authorization.startsWith("Bearer ")
				&& issuedTokens.contains(authorization.substring("Bearer ".length()));
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Points the service's remote URLs at the stub before the context starts. */
	public static class ContextCustomizerFactory implements org.springframework.test.context.ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	/** A record: equal for every test class, so it never splits the context cache. */
	record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			String base = baseUrl();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("remoteServicesStub", Map.of("mclass.class-service.url", base + CLASS,
						"mclass.auth-service.url", base + AUTH, "mclass.notification-service.url", base + NOTIFICATION,
						"spring.security.oauth2.client.provider.mclass-auth.token-uri", base + TOKENS + "/oauth2/token")));
		}

	}

}
