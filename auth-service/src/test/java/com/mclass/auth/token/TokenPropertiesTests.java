package com.mclass.auth.token;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment variable names the README promises for signing keys really bind. */
class TokenPropertiesTests {

	@Test
	void signingKeysBindFromEnvironmentVariables() {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("MCLASS_AUTH_SIGNINGKEYS_0_KID", "2026-03",
				"MCLASS_AUTH_SIGNINGKEYS_0_PRIVATEKEYPEM", "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----",
				"MCLASS_AUTH_SIGNINGKEYS_0_ACTIVE", "true", "MCLASS_AUTH_SIGNINGKEYS_1_KID", "2025-12",
				"MCLASS_AUTH_SIGNINGKEYS_1_PRIVATEKEYPEM", "old", "MCLASS_AUTH_ACCESSTOKENTTL", "10m")));

		TokenProperties properties = new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("mclass.auth",
				TokenProperties.class);

		assertThat(properties.accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.signingKeys()).hasSize(2);
		assertThat(properties.signingKeys().get(0).kid()).isEqualTo("2026-03");
		assertThat(properties.signingKeys().get(0).privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(properties.signingKeys().get(0).active()).isTrue();
		assertThat(properties.signingKeys().get(1).active()).isFalse();
	}

	@Test
	void noKeysByDefault() {
		TokenProperties properties = new Binder(ConfigurationPropertySources.from(new MutablePropertySources()))
			.bindOrCreate("mclass.auth", TokenProperties.class);
		assertThat(properties.signingKeys()).isEmpty();
		assertThat(properties.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
	}

}
