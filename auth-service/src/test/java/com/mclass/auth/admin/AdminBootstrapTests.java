package com.mclass.auth.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import com.mclass.auth.user.Language;
import com.mclass.auth.user.PasswordPolicy;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.Role;
import com.mclass.auth.user.User;
import com.mclass.auth.user.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

	private static final PasswordPolicy POLICY = PasswordPolicy.withBundledList();

	@Test
	void refusesTheDevelopmentPasswordOutsideTheLocalProfile() {
		AdminProperties dev = new AdminProperties("admin@mclass.example", AdminBootstrap.DEV_PASSWORD);

		assertThatIllegalStateException().isThrownBy(() -> AdminBootstrap.refuseUnsafePassword(dev, POLICY, false))
			.withMessageContaining("MCLASS_ADMIN_PASSWORD");
		assertThatCode(() -> AdminBootstrap.refuseUnsafePassword(dev, POLICY, true)).doesNotThrowAnyException();
	}

	@Test
	void appliesThePasswordPolicyToTheBootstrapPassword() {
		assertThatIllegalStateException()
			.isThrownBy(() -> AdminBootstrap.refuseUnsafePassword(new AdminProperties("admin@mclass.example", "password1"), POLICY, false))
			.withMessageContaining("COMMON");
		assertThatIllegalStateException()
			.isThrownBy(() -> AdminBootstrap.refuseUnsafePassword(new AdminProperties("admin@mclass.example", "short"), POLICY, false))
			.withMessageContaining("TOO_SHORT");
		assertThatCode(() -> AdminBootstrap.refuseUnsafePassword(
				new AdminProperties("admin@mclass.example", "a long and uncommon passphrase"), POLICY, false))
			.doesNotThrowAnyException();
		// No administrator configured: nothing to refuse.
		assertThatCode(() -> AdminBootstrap.refuseUnsafePassword(new AdminProperties("", AdminBootstrap.DEV_PASSWORD), POLICY, false))
			.doesNotThrowAnyException();
	}

	@Test
	void saysLoudlyWhenTheAdministratorsAddressBelongsToAnOrdinaryAccount(CapturedOutput output) {
		Users users = mock(Users.class);
		User squatter = User.local("admin@mclass.example", "{bcrypt-sha256}x", "someone", Language.KO, Role.USER, Instant.EPOCH);
		given(users.findByProviderAndEmail(Provider.LOCAL, "admin@mclass.example")).willReturn(Optional.of(squatter));
		MockEnvironment local = new MockEnvironment();
		local.setActiveProfiles("local");
		AdminBootstrap bootstrap = new AdminBootstrap(new AdminProperties("admin@mclass.example", AdminBootstrap.DEV_PASSWORD), users,
				null, null, POLICY, null, local, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

		bootstrap.run(null);

		assertThat(output.getAll()).contains("ERROR").contains("NOT an administrator").contains(squatter.getId().toString())
			.contains("MCLASS_ADMIN_EMAIL");
		verify(users, never()).saveAndFlush(any());
	}

}
