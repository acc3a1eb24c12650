package com.mclass.platform.web.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mclass.platform.test.RealInfrastructure;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose Redis accepts connections but never answers (as under {@code CLIENT PAUSE}, or a Redis stalled by a
 * failover): the revocation mirror cannot poll, so every signed-in request falls back to the per-session lookup, which
 * times out. That is a 503 with {@code Retry-After} in the envelope, never a 500 (issue 13, finding 13), and a request
 * that needs no token is not affected.
 */
@SpringBootTest(classes = ResourceServerSecurityIntegrationTests.SecurityTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=revocation-outage-test", "spring.web.locale=ko",
				"mclass.security.public-paths[0]=GET /api/open/**", "spring.data.redis.timeout=300ms" })
@RealInfrastructure(testTokens = true)
@Import(ResourceServerSecurityIntegrationTests.ProbeController.class)
class RevocationOutageIntegrationTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SilentServer stalledRedis = SilentServer.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void stalledRedis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", stalledRedis::port);
	}

	@AfterAll
	static void stop() {
		stalledRedis.close();
	}

	@Test
	void answersServiceUnavailableWithRetryAfterWhenRevokedSessionsCannotBeChecked() throws Exception {
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = call("/api/me", TestTokens.user(UUID.randomUUID()));

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			JsonNode body = json.readTree(response.body());
			assertThat(body.path("success").asBoolean(true)).isFalse();
			assertThat(body.path("error").path("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
		}
	}

	@Test
	void stillRefusesABadTokenAsUnauthenticatedWithoutAskingRedis() throws Exception {
		HttpResponse<String> response = call("/api/me", TestTokens.forUser(UUID.randomUUID()).issuer("someone-else").sign());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void servesPublicPathsWithoutAToken() throws Exception {
		assertThat(call("/api/open/hello", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> call(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Accepts connections and never answers on them. */
	private static final class SilentServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		private SilentServer(ServerSocket socket) {
			this.socket = socket;
		}

		static SilentServer start() {
			try {
				SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
				Thread acceptor = new Thread(server::acceptForever, "silent-redis");
				acceptor.setDaemon(true);
				acceptor.start();
				return server;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void acceptForever() {
			while (!this.socket.isClosed()) {
				try {
					this.accepted.add(this.socket.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		@Override
		public void close() {
			try {
				this.socket.close();
				for (Socket connection : this.accepted) {
					connection.close();
				}
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}
