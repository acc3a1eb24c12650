package com.mclass.auth.token;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyGuardTests {

	private static final TokenProperties NO_KEYS = new TokenProperties(Duration.ofMinutes(15), List.of(), Duration.ofMinutes(1));

	@Test
	void refusesToStartWithoutAConfiguredKeyOutsideTheLocalProfile() {
		assertThatIllegalStateException().isThrownBy(() -> TokenConfiguration.requireConfiguredKeysOutsideLocal(NO_KEYS, new MockEnvironment()))
			.withMessageContaining("MCLASS_AUTH_SIGNINGKEYS_0_PRIVATEKEYPEM");
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("social-live");
		assertThatIllegalStateException().isThrownBy(() -> TokenConfiguration.requireConfiguredKeysOutsideLocal(NO_KEYS, production));
	}

	@Test
	void generatesAKeyOnlyInTheLocalProfileAndAcceptsConfiguredKeysAnywhere() {
		MockEnvironment local = new MockEnvironment();
		local.setActiveProfiles("social-live", "local");
		assertThatCode(() -> TokenConfiguration.requireConfiguredKeysOutsideLocal(NO_KEYS, local)).doesNotThrowAnyException();
		TokenProperties configured = new TokenProperties(Duration.ofMinutes(15),
				List.of(new TokenProperties.ConfiguredKey("k", "-----BEGIN PRIVATE KEY-----", true)), Duration.ofMinutes(1));
		assertThatCode(() -> TokenConfiguration.requireConfiguredKeysOutsideLocal(configured, new MockEnvironment()))
			.doesNotThrowAnyException();
	}

}
