package com.mclass.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mclass.launcher.oauth.SocialProviders;
import com.mclass.launcher.service.CdsMode;
import com.mclass.launcher.service.JvmSettings;

class PlatformSpecTests {

	private final Path repo = Path.of("/work/repo");

	@Test
	void localDefaultsUseTheWellKnownPortsAndKeepStateInDotMclass() {
		PlatformSpec spec = PlatformSpec.localDefaults(this.repo, Map.of());

		assertThat(spec.ports().service(PlatformService.GATEWAY)).isEqualTo(8080);
		assertThat(spec.ports().service(PlatformService.AUTH)).isEqualTo(8081);
		assertThat(spec.ports().service(PlatformService.CLASS)).isEqualTo(8082);
		assertThat(spec.ports().service(PlatformService.ENROLLMENT)).isEqualTo(8083);
		assertThat(spec.ports().service(PlatformService.NOTIFICATION)).isEqualTo(8084);
		assertThat(spec.ports().kafka()).isEqualTo(9092);
		assertThat(spec.ports().smtp()).isEqualTo(1025);
		assertThat(spec.ports().mailUi()).isEqualTo(8025);
		assertThat(spec.ports().oauthMock()).isEqualTo(8090);
		assertThat(PlatformService.values()).allSatisfy((service) -> assertThat(spec.ports().management(service))
			.as("%s management port", service).isEqualTo(service.defaultPort() + 1000));
		assertThat(spec.socialProviders()).isEqualTo(SocialProviders.LOCAL_MOCK);
		assertThat(spec.database().databaseName("auth")).isEqualTo("mclass_auth");
		assertThat(spec.database().host()).isEqualTo("127.0.0.1");
		assertThat(spec.database().port()).isEqualTo(5432);
		assertThat(spec.database().user()).isEqualTo("postgres");
		assertThat(spec.database().password()).isEmpty();
		assertThat(spec.database().embeddedDataDirectory()).isEqualTo(this.repo.resolve(".mclass/postgres"));
		assertThat(spec.redis().port()).isEqualTo(6379);
		assertThat(spec.logDirectory()).isEqualTo(this.repo.resolve(".mclass/logs"));
		assertThat(spec.cacheDirectory()).isEqualTo(this.repo.resolve(".mclass/cds"));
		assertThat(spec.jar(PlatformService.AUTH)).isEqualTo(this.repo.resolve("auth-service/target/auth-service.jar"));
		assertThat(spec.admin()).isEqualTo(PlatformSpec.Admin.DEV_ONLY_DEFAULT);
		assertThat(spec.jvm().options()).containsExactlyElementsOf(JvmSettings.STARTUP_FRIENDLY_OPTIONS);
		assertThat(spec.jvm().cds()).isEqualTo(CdsMode.USE);
		assertThat(spec.database().freshDatabases()).isFalse();
		assertThat(spec.serviceEnvironment(PlatformService.CLASS)).containsEntry("MCLASS_DEMO_DATA_ENABLED", "true");
	}

	@Test
	void localDefaultsFollowTheLaunchersEnvironment() {
		PlatformSpec spec = PlatformSpec.localDefaults(this.repo,
				Map.of("MCLASS_GATEWAY_PORT", "18080", "MCLASS_KAFKA_PORT", "19092", "MCLASS_MAIL_UI_PORT", "18025",
						"MCLASS_DB_HOST", "db.local", "MCLASS_DB_PORT", "15432", "MCLASS_DB_PASSWORD", "secret",
						"MCLASS_JAVA_OPTS", "-Xmx1g  -Dfoo=bar", "MCLASS_JAVA_HOME", "/opt/jdk",
						"MCLASS_ADMIN_EMAIL", "boss@example.com", "MCLASS_ADMIN_PASSWORD", "s3cret!"));

		assertThat(spec.ports().service(PlatformService.GATEWAY)).isEqualTo(18080);
		assertThat(spec.ports().service(PlatformService.AUTH)).isEqualTo(8081);
		assertThat(spec.ports().management(PlatformService.GATEWAY)).as("moved port, free management port").isZero();
		assertThat(spec.ports().management(PlatformService.AUTH)).isEqualTo(9081);
		assertThat(spec.ports().kafka()).isEqualTo(19092);
		assertThat(spec.ports().mailUi()).isEqualTo(18025);
		assertThat(spec.database().host()).isEqualTo("db.local");
		assertThat(spec.database().port()).isEqualTo(15432);
		assertThat(spec.database().password()).isEqualTo("secret");
		assertThat(spec.jvm().options()).endsWith("-Xmx1g", "-Dfoo=bar");
		assertThat(spec.jvm().javaExecutable()).isEqualTo(Path.of("/opt/jdk/bin/java"));
		assertThat(spec.admin()).isEqualTo(new PlatformSpec.Admin("boss@example.com", "s3cret!"));
		assertThat(spec.admin().isDevOnlyDefault()).isFalse();
	}

	@Test
	void managementPortsFollowTheirOwnVariables() {
		PlatformSpec spec = PlatformSpec.localDefaults(this.repo, Map.of("MCLASS_ENROLLMENT_PORT", "26083",
				"MCLASS_ENROLLMENT_MANAGEMENT_PORT", "27083", "MCLASS_CLASS_MANAGEMENT_PORT", "27082"));

		assertThat(PlatformService.ENROLLMENT.managementPortVariable()).isEqualTo("MCLASS_ENROLLMENT_MANAGEMENT_PORT");
		assertThat(spec.ports().service(PlatformService.ENROLLMENT)).isEqualTo(26083);
		assertThat(spec.ports().management(PlatformService.ENROLLMENT)).isEqualTo(27083);
		assertThat(spec.ports().service(PlatformService.CLASS)).isEqualTo(8082);
		assertThat(spec.ports().management(PlatformService.CLASS)).isEqualTo(27082);
	}

	@Test
	void rejectsAPortThatIsNotANumberNamingTheVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PlatformSpec.localDefaults(this.repo, Map.of("MCLASS_AUTH_PORT", "http")))
			.withMessage("MCLASS_AUTH_PORT must be a port number (0-65535), not 'http'");
	}

	@Test
	void testsGetFreePortsTheirOwnDatabasesAndLogsUnderSystemTests() {
		PlatformSpec spec = PlatformSpec.forTests(this.repo, Map.of());

		assertThat(spec.ports().services().values()).containsOnly(0);
		assertThat(spec.ports().kafka()).isZero();
		assertThat(spec.ports().smtp()).isZero();
		assertThat(spec.ports().mailUi()).isZero();
		assertThat(spec.ports().oauthMock()).isZero();
		assertThat(spec.database().databaseName("enrollment")).isEqualTo("mclass_systest_enrollment");
		assertThat(spec.database().embeddedPort()).isZero();
		assertThat(spec.database().embeddedDataDirectory()).isNull();
		assertThat(spec.redis().embeddedPort()).isZero();
		assertThat(spec.logDirectory()).isEqualTo(this.repo.resolve("system-tests/target/platform-logs"));
		assertThat(spec.database().freshDatabases()).isTrue();
		// the same platform as a local run: demo classes, and a sign-in limit that many sign-ups from one address pass
		assertThat(spec.serviceEnvironment(PlatformService.CLASS)).containsEntry("MCLASS_DEMO_DATA_ENABLED", "true");
		assertThat(spec.serviceEnvironment(PlatformService.GATEWAY)).containsEntry("MCLASS_GATEWAY_RATE_LIMIT_AUTH_RATE", "2000");
	}

	@Test
	void socialLoginsGoToTheMockUnlessRealProvidersOrAnotherStandInAreConfigured() {
		assertThat(PlatformSpec.localDefaults(this.repo, Map.of("MCLASS_OAUTH_MOCK_PORT", "18090")).ports().oauthMock())
			.isEqualTo(18090);
		assertThat(PlatformSpec.localDefaults(this.repo, Map.of("MCLASS_KAKAO_CLIENT_ID", "real-id")).socialProviders())
			.isEqualTo(SocialProviders.LOCAL_MOCK);
		assertThat(PlatformSpec.localDefaults(this.repo, Map.of("SPRING_PROFILES_ACTIVE", "json-logs, social-live"))
			.socialProviders()).isEqualTo(SocialProviders.LIVE);
		assertThat(PlatformSpec.localDefaults(this.repo, Map.of("MCLASS_OAUTH_MOCK_URL", "http://localhost:9999"))
			.socialProviders()).isEqualTo(SocialProviders.EXTERNAL_MOCK);
		// system tests always sign in at the mock
		assertThat(PlatformSpec.forTests(this.repo, Map.of("SPRING_PROFILES_ACTIVE", "social-live")).socialProviders())
			.isEqualTo(SocialProviders.LOCAL_MOCK);
	}

	@Test
	void namesRealCredentialsThatAMockWouldLeaveUnused() {
		Map<String, String> credentials = Map.of("MCLASS_GOOGLE_CLIENT_ID", "id", "MCLASS_GOOGLE_CLIENT_SECRET", "secret",
				"MCLASS_NAVER_CLIENT_ID", " ");

		assertThat(SocialProviders.unusedCredentials(credentials))
			.containsExactly("MCLASS_GOOGLE_CLIENT_ID", "MCLASS_GOOGLE_CLIENT_SECRET");
		Map<String, String> live = new HashMap<>(credentials);
		live.put("SPRING_PROFILES_ACTIVE", "social-live");
		assertThat(SocialProviders.unusedCredentials(live)).isEmpty();
	}

	@Test
	void keepsAFrontEndUrlConfiguredForSocialLogins() {
		PlatformSpec spec = PlatformSpec.localDefaults(this.repo,
				Map.of("MCLASS_AUTH_SOCIAL_REDIRECT_URL", "http://localhost:5173/social-callback"));

		assertThat(spec.serviceEnvironment(PlatformService.AUTH))
			.containsEntry("MCLASS_AUTH_SOCIAL_REDIRECT_URL", "http://localhost:5173/social-callback");
		assertThat(PlatformSpec.localDefaults(this.repo, Map.of()).serviceEnvironment(PlatformService.AUTH))
			.doesNotContainKey("MCLASS_AUTH_SOCIAL_REDIRECT_URL");
	}

	@Test
	void runsAuthServiceInTheLocalProfileKeepingTheCallersProfiles() {
		assertThat(PlatformSpec.localDefaults(this.repo, Map.of()).serviceEnvironment(PlatformService.AUTH))
			.containsEntry("SPRING_PROFILES_ACTIVE", "local");
		assertThat(PlatformSpec.localDefaults(this.repo, Map.of("SPRING_PROFILES_ACTIVE", "social-live"))
			.serviceEnvironment(PlatformService.AUTH)).containsEntry("SPRING_PROFILES_ACTIVE", "social-live,local");
		assertThat(PlatformSpec.forTests(this.repo, Map.of()).serviceEnvironment(PlatformService.AUTH))
			.containsEntry("SPRING_PROFILES_ACTIVE", "local");
	}

	@Test
	void addsServiceEnvironmentWithoutLosingWhatWasThere() {
		PlatformSpec spec = PlatformSpec.forTests(this.repo, Map.of())
			.withServiceEnvironment(PlatformService.AUTH, Map.of("A", "1"))
			.withServiceEnvironment(PlatformService.AUTH, Map.of("B", "2"));

		assertThat(spec.serviceEnvironment(PlatformService.AUTH)).contains(Map.entry("A", "1"), Map.entry("B", "2"))
			.containsEntry("SPRING_PROFILES_ACTIVE", "local");
		assertThat(spec.serviceEnvironment(PlatformService.NOTIFICATION)).isEmpty();
	}

	@Test
	void rejectsADatabasePrefixThatWouldNeedQuoting() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PlatformSpec.forTests(this.repo, Map.of()).withDatabasePrefix("drop\";--"));
	}

}
