package com.mclass.platform.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import com.mclass.platform.test.MutableClock;
import com.mclass.platform.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenRulesTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final AccessTokenRules rules = new AccessTokenRules(new MclassSecurityProperties("http://unused",
			TestTokens.ISSUER, TestTokens.AUDIENCE, List.of(), List.of(), Duration.ofSeconds(1)), this.clock);

	@Test
	void acceptsATokenShapedLikeAuthServicesOwn() {
		assertThat(this.rules.claims().validate(token(UnaryOperator.identity())).hasErrors()).isFalse();
	}

	@Test
	void refusesATokenWithoutExpiryOrIssueTime() {
		assertThat(hasErrors((claims) -> claims.claims((all) -> all.remove("exp")))).isTrue();
		assertThat(hasErrors((claims) -> claims.claims((all) -> all.remove("iat")))).isTrue();
	}

	@Test
	void refusesATokenWithoutSessionOrRoleOrWithASubjectThatIsNoUserId() {
		assertThat(hasErrors((claims) -> claims.claims((all) -> all.remove("sid")))).isTrue();
		assertThat(hasErrors((claims) -> claims.claims((all) -> all.remove("role")))).isTrue();
		assertThat(hasErrors((claims) -> claims.subject("admin"))).isTrue();
	}

	@Test
	void refusesAForeignIssuerOrAudience() {
		assertThat(hasErrors((claims) -> claims.issuer("someone-else"))).isTrue();
		assertThat(hasErrors((claims) -> claims.audience(List.of("other-api")))).isTrue();
	}

	@Test
	void judgesTheLifetimeByTheInjectedClockWithTheSameSkewAsTheFullCheck() {
		Jwt jwt = token(UnaryOperator.identity());
		this.clock.advance(Duration.ofMinutes(15).plus(AccessTokenRules.CLOCK_SKEW));
		assertThat(this.rules.isWithinLifetime(jwt)).isTrue();
		assertThat(this.rules.claims().validate(jwt).hasErrors()).isFalse();

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.rules.isWithinLifetime(jwt)).isFalse();
		assertThat(this.rules.claims().validate(jwt).hasErrors()).isTrue();
	}

	private boolean hasErrors(UnaryOperator<Jwt.Builder> bend) {
		return this.rules.claims().validate(token(bend)).hasErrors();
	}

	private Jwt token(UnaryOperator<Jwt.Builder> bend) {
		Instant now = this.clock.instant();
		Jwt.Builder builder = Jwt.withTokenValue("token-" + UUID.randomUUID())
			.header("alg", "RS256")
			.issuer(TestTokens.ISSUER)
			.audience(List.of(TestTokens.AUDIENCE))
			.subject(UUID.randomUUID().toString())
			.claim("sid", UUID.randomUUID().toString())
			.claim("role", "USER")
			.issuedAt(now.minusSeconds(1))
			.expiresAt(now.plus(Duration.ofMinutes(15)));
		return bend.apply(builder).build();
	}

}
