package com.mclass.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mclass.launcher.net.LocalPorts;
import com.mclass.launcher.oauth.SocialProviders;

class PortCheckTests {

	@TempDir
	Path repo;

	@Test
	void refusesToStartWhenAPortItNeedsIsTakenAndSaysWhatToDo() throws Exception {
		FakeServiceJar.repositoryWithFakeServices(this.repo);
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = taken.getLocalPort();
			PlatformSpec spec = PlatformSpec.forTests(this.repo)
				.withPorts(PlatformSpec.Ports.allFree().withService(PlatformService.GATEWAY, port));

			long started = System.nanoTime();
			assertThatExceptionOfType(PlatformStartupException.class).isThrownBy(() -> LocalPlatform.start(spec))
				.withMessageContaining("port " + port + " (gateway) is in use — stop the process using it (ss -ltnp 'sport = :"
						+ port + "') or set MCLASS_GATEWAY_PORT");
			// Nothing was started: the check comes before PostgreSQL, Kafka and the rest.
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		}
	}

	@Test
	void namesEveryPortThatIsTaken() throws Exception {
		FakeServiceJar.repositoryWithFakeServices(this.repo);
		try (ServerSocket kafka = new ServerSocket(0); ServerSocket mail = new ServerSocket(0)) {
			PlatformSpec spec = PlatformSpec.forTests(this.repo)
				.withPorts(PlatformSpec.Ports.allFree().withKafka(kafka.getLocalPort()).withMailUi(mail.getLocalPort()));

			assertThatExceptionOfType(PlatformStartupException.class).isThrownBy(() -> LocalPlatform.start(spec))
				.withMessageContaining("port " + kafka.getLocalPort() + " (Kafka) is in use")
				.withMessageContaining("MCLASS_KAFKA_PORT")
				.withMessageContaining("port " + mail.getLocalPort() + " (the mail inbox) is in use")
				.withMessageContaining("MCLASS_MAIL_UI_PORT");
		}
	}

	@Test
	void checksTheMockProvidersPortOnlyWhenItStartsThem() throws Exception {
		FakeServiceJar.repositoryWithFakeServices(this.repo);
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			int port = taken.getLocalPort();
			PlatformSpec spec = PlatformSpec.forTests(this.repo).withPorts(PlatformSpec.Ports.allFree().withOauthMock(port));

			assertThatExceptionOfType(PlatformStartupException.class).isThrownBy(() -> LocalPlatform.checkPrerequisites(spec))
				.withMessageContaining("port " + port + " (the mock OAuth2 providers) is in use")
				.withMessageContaining("MCLASS_OAUTH_MOCK_PORT");
			assertThatNoException().isThrownBy(
					() -> LocalPlatform.checkPrerequisites(spec.withSocialProviders(SocialProviders.LIVE)));
		}
	}

	@Test
	void refusesTwoServersOnOnePort() throws Exception {
		FakeServiceJar.repositoryWithFakeServices(this.repo);
		int port = LocalPorts.freePort();
		PlatformSpec spec = PlatformSpec.forTests(this.repo)
			.withPorts(PlatformSpec.Ports.allFree().withService(PlatformService.AUTH, port).withSmtp(port));

		assertThatExceptionOfType(PlatformStartupException.class).isThrownBy(() -> LocalPlatform.start(spec))
			.withMessageContaining("port " + port + " is set for both auth-service and the SMTP sink — change"
					+ " MCLASS_AUTH_PORT or MCLASS_SMTP_PORT");
	}

	@Test
	void refusesToStartWithoutTheServiceJarsAndSaysHowToBuildThem() {
		PlatformSpec spec = PlatformSpec.forTests(this.repo);

		assertThatExceptionOfType(PlatformStartupException.class).isThrownBy(() -> LocalPlatform.start(spec))
			.withMessageContaining("missing service jars auth-service/target/auth-service.jar")
			.withMessageContaining("gateway/target/gateway.jar")
			.withMessageContaining("./mvnw -q -B -DskipTests package");
	}

	@Test
	void seesAPortAsTakenWhileSomeoneListensOnIt() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress("127.0.0.1", 0));
			port = socket.getLocalPort();
			assertThat(LocalPorts.isFree(port)).isFalse();
			assertThat(LocalPorts.answers("127.0.0.1", port, Duration.ofSeconds(1))).isTrue();
		}
		assertThat(LocalPorts.isFree(port)).isTrue();
	}

}
