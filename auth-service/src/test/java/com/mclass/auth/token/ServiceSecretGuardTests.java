package com.mclass.auth.token;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServiceSecretGuardTests {

	private static final ServiceClientProperties DEV_SECRET = new ServiceClientProperties(
			Map.of("enrollment-service", "dev-only-enrollment-service-secret"), Duration.ofMinutes(5));

	@Test
	void refusesToStartWithADevelopmentSecretOutsideTheLocalProfile() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("social-live");
		assertThatIllegalStateException().isThrownBy(() -> TokenConfiguration.requireOwnSecretsOutsideLocal(DEV_SECRET, production))
			.withMessageContaining("MCLASS_SERVICE_SECRET_ENROLLMENT");
	}

	@Test
	void acceptsDevelopmentSecretsLocallyAndOwnSecretsAnywhere() {
		MockEnvironment local = new MockEnvironment();
		local.setActiveProfiles("local");
		assertThatCode(() -> TokenConfiguration.requireOwnSecretsOutsideLocal(DEV_SECRET, local)).doesNotThrowAnyException();
		ServiceClientProperties own = new ServiceClientProperties(Map.of("enrollment-service", "k3Jx9vQ2f0pL7sWmT1cYbN8aR4eHdU6o"),
				Duration.ofMinutes(5));
		assertThatCode(() -> TokenConfiguration.requireOwnSecretsOutsideLocal(own, new MockEnvironment())).doesNotThrowAnyException();
	}

}
