package com.mclass.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mclass.launcher.net.LocalPorts;
import com.mclass.launcher.service.CdsMode;

/**
 * The whole launcher against five stand-in services (see {@link FakeService}): the real PostgreSQL and Redis of
 * this machine when they answer (embedded ones otherwise), a real Kafka broker and the real mail sink.
 */
class LocalPlatformTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path repo;

	private PlatformSpec spec;

	@BeforeEach
	void layOutARepositoryOfFakeServices() throws Exception {
		FakeServiceJar.repositoryWithFakeServices(this.repo);
		this.spec = PlatformSpec.forTests(this.repo)
			.withDatabasePrefix("mclass_launchertest_")
			.withLogDirectory(this.repo.resolve("logs"))
			.withCds(CdsMode.OFF)
			.withServiceReadyTimeout(Duration.ofSeconds(60));
	}

	@Test
	void startsEverythingAndTellsEachServiceWhereEverythingIs() throws Exception {
		PlatformSpec spec = this.spec.withServiceEnvironment(PlatformService.NOTIFICATION, Map.of("MCLASS_EXTRA", "yes"));
		List<Integer> ports = new ArrayList<>();
		List<Long> pids = new ArrayList<>();

		try (LocalPlatform platform = LocalPlatform.start(spec)) {
			JsonNode auth = environmentOf(platform.serviceUrl("auth-service"));
			assertThat(auth.get("SERVER_PORT").asString()).isEqualTo(String.valueOf(platform.serviceUrl(PlatformService.AUTH).getPort()));
			// Actuator on its own port, where the launcher waited for readiness.
			int authManagement = platform.managementUrl(PlatformService.AUTH).getPort();
			assertThat(auth.get("MANAGEMENT_SERVER_PORT").asString()).isEqualTo(String.valueOf(authManagement));
			assertThat(authManagement).isNotEqualTo(platform.serviceUrl(PlatformService.AUTH).getPort());
			assertThat(get(URI.create(platform.managementUrl(PlatformService.AUTH) + "/actuator/health/readiness")).statusCode())
				.isEqualTo(200);
			assertThat(auth.get("SPRING_DATASOURCE_URL").asString()).isEqualTo(platform.jdbcUrl(PlatformService.AUTH))
				.endsWith("/mclass_launchertest_auth");
			assertThat(auth.get("SPRING_DATASOURCE_USERNAME").asString()).isEqualTo(platform.databaseUser());
			assertThat(auth.get("SPRING_DATA_REDIS_HOST").asString()).isEqualTo(platform.redisHost());
			assertThat(auth.get("SPRING_DATA_REDIS_PORT").asString()).isEqualTo(String.valueOf(platform.redisPort()));
			assertThat(auth.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString()).isEqualTo(platform.kafkaBootstrapServers());
			assertThat(auth.get("SPRING_MAIL_HOST").asString()).isEqualTo("localhost");
			assertThat(auth.get("SPRING_MAIL_PORT").asString()).isEqualTo(String.valueOf(platform.smtpPort()));
			assertThat(auth.get("MCLASS_CLASS_URL").asString()).isEqualTo(platform.serviceUrl(PlatformService.CLASS).toString());
			assertThat(auth.get("MCLASS_GATEWAY_URL").asString()).isEqualTo(platform.gatewayUrl().toString());
			assertThat(auth.get("MCLASS_MAIL_UI_URL").asString()).isEqualTo(platform.mailApiUrl().toString());
			assertThat(auth.get("MCLASS_ADMIN_EMAIL").asString()).isEqualTo("admin@mclass.local");
			assertThat(auth.get("MCLASS_ADMIN_PASSWORD").asString()).isEqualTo("mclass-admin-dev-only");
			assertThat(auth.get("LOGGING_STRUCTURED_FORMAT_CONSOLE").asString()).isEqualTo("ecs");
			URI oauthMock = platform.oauthMockUrl().orElseThrow();
			assertThat(auth.get("MCLASS_OAUTH_MOCK_URL").asString()).isEqualTo(oauthMock.toString());
			assertThat(auth.get("MCLASS_AUTH_SOCIAL_REDIRECT_URL").asString()).isEqualTo(oauthMock + "/social-callback")
				.isEqualTo(platform.socialLoginRedirectUrl().orElseThrow().toString());
			assertThat(get(URI.create(oauthMock + "/kakao/jwks")).statusCode()).isEqualTo(200);
			ByteArrayOutputStream summary = new ByteArrayOutputStream();
			MclassCli.printSummary(platform, new PrintStream(summary, true, StandardCharsets.UTF_8));
			assertThat(summary.toString(StandardCharsets.UTF_8)).contains(
					"Social login open " + platform.gatewayUrl() + "/api/auth/kakao (or /google, /naver)",
					"mock providers on " + oauthMock, "OAuth2      " + oauthMock);
			JsonNode gateway = environmentOf(platform.gatewayUrl());
			assertThat(gateway.has("SPRING_DATASOURCE_URL")).isFalse();
			assertThat(gateway.has("MCLASS_OAUTH_MOCK_URL")).isFalse();
			assertThat(gateway.get("MCLASS_AUTH_URL").asString()).isEqualTo(platform.serviceUrl(PlatformService.AUTH).toString());
			assertThat(environmentOf(platform.serviceUrl(PlatformService.NOTIFICATION)).get("MCLASS_EXTRA").asString())
				.isEqualTo("yes");
			assertThat(get(URI.create(platform.mailApiUrl() + "/api/v1/messages")).statusCode()).isEqualTo(200);
			assertThat(platform.startupTime()).isPositive();
			assertThat(platform.readyTimes()).containsOnlyKeys(PlatformService.values());
			for (PlatformService service : PlatformService.values()) {
				ports.add(platform.serviceUrl(service).getPort());
				ports.add(platform.managementUrl(service).getPort());
				assertThat(platform.isRunning(service)).isTrue();
			}
			ports.add(Integer.parseInt(platform.kafkaBootstrapServers().split(":")[1]));
			ports.add(platform.smtpPort());
			ports.add(platform.mailApiUrl().getPort());
			ports.add(oauthMock.getPort());
			ProcessHandle.current().children().forEach((child) -> pids.add(child.pid()));
			assertThat(pids).hasSizeGreaterThanOrEqualTo(5);
		}

		assertThat(ports).allMatch(LocalPorts::isFree);
		assertThat(pids).noneMatch((pid) -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
	}

	@Test
	void killsOneServiceWithSigkillAndRestartsItOnItsPortWhileTheOthersRunOn() throws Exception {
		try (LocalPlatform platform = LocalPlatform.start(this.spec)) {
			long before = platform.pid(PlatformService.ENROLLMENT);
			URI enrollment = platform.serviceUrl(PlatformService.ENROLLMENT);

			platform.kill(PlatformService.ENROLLMENT);

			assertThat(platform.isRunning(PlatformService.ENROLLMENT)).isFalse();
			assertThat(LocalPorts.isFree(enrollment.getPort())).isTrue();
			assertThat(platform.isRunning(PlatformService.GATEWAY)).isTrue();

			Duration ready = platform.restart(PlatformService.ENROLLMENT);

			assertThat(ready).isPositive();
			assertThat(platform.isRunning(PlatformService.ENROLLMENT)).isTrue();
			assertThat(platform.pid(PlatformService.ENROLLMENT)).isNotEqualTo(before);
			assertThat(environmentOf(enrollment).get("SERVER_PORT").asString()).isEqualTo(String.valueOf(enrollment.getPort()));
		}
	}

	@Test
	void stopsEverythingAndShowsTheLogWhenAServiceFailsToStart() {
		PlatformSpec.Ports ports = PlatformSpec.Ports.allFree();
		for (PlatformService service : PlatformService.values()) {
			ports = ports.withService(service, LocalPorts.freePort());
		}
		int kafkaPort = LocalPorts.freePort();
		PlatformSpec spec = this.spec.withPorts(ports.withKafka(kafkaPort))
			.withServiceEnvironment(PlatformService.CLASS, Map.of("FAKE_BEHAVIOUR", "exit"));

		assertThatExceptionOfType(PlatformStartupException.class).isThrownBy(() -> LocalPlatform.start(spec))
			.withMessageContaining("class-service exited with code 3 while starting")
			.withMessageContaining("Application run failed");

		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(ports.services().values()).allMatch(LocalPorts::isFree);
		assertThat(LocalPorts.isFree(kafkaPort)).isTrue();
	}

	@Test
	void stopsWhatItStartedWhenClosedWhileStillStarting() throws Exception {
		// What Ctrl-C during startup does: the CLI's shutdown hook closes the platform that is still booting.
		LocalPlatform platform = new LocalPlatform(this.spec.withStartupConcurrency(5)
			.withServiceEnvironment(PlatformService.GATEWAY, Map.of("FAKE_STARTUP_DELAY_MS", "60000")));
		Thread booting = new Thread(() -> {
			try {
				platform.boot();
			}
			catch (PlatformStartupException expected) {
				// the close below interrupts the start
			}
		});
		booting.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (ProcessHandle.current().children().count() < 5 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(ProcessHandle.current().children().count()).isEqualTo(5);

		platform.close();
		booting.join(Duration.ofSeconds(30).toMillis());

		assertThat(booting.isAlive()).isFalse();
		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void usesTheMachinesPostgresAndRedisWhenTheyAnswer() {
		assumeTrue(LocalPorts.answers("127.0.0.1", 5432, Duration.ofSeconds(1)), "no PostgreSQL on 127.0.0.1:5432");
		assumeTrue(LocalPorts.answers("127.0.0.1", 6379, Duration.ofSeconds(1)), "no Redis on 127.0.0.1:6379");

		try (LocalPlatform platform = LocalPlatform.start(this.spec)) {
			assertThat(platform.jdbcUrl(PlatformService.ENROLLMENT))
				.isEqualTo("jdbc:postgresql://127.0.0.1:5432/mclass_launchertest_enrollment");
			assertThat(platform.redisPort()).isEqualTo(6379);
		}
	}

	/** The databases these tests created on the machine's PostgreSQL are of no use to anyone afterwards. */
	@AfterAll
	static void dropTheTestDatabases() throws SQLException {
		if (!LocalPorts.answers("127.0.0.1", 5432, Duration.ofSeconds(1))) {
			return;
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
				System.getenv().getOrDefault("MCLASS_DB_PASSWORD", "")); Statement statement = connection.createStatement()) {
			for (PlatformService service : PlatformService.values()) {
				if (service.databaseSuffix().isPresent()) {
					statement.execute("DROP DATABASE IF EXISTS mclass_launchertest_" + service.databaseSuffix().get() + " WITH (FORCE)");
				}
			}
		}
	}

	private JsonNode environmentOf(URI service) throws Exception {
		HttpResponse<String> response = get(URI.create(service + "/env"));
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(URI uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
