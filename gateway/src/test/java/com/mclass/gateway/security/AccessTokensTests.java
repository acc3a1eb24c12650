package com.mclass.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import com.mclass.gateway.StubService;
import com.mclass.platform.test.TestTokens;
import com.mclass.platform.web.security.MclassSecurityProperties;
import com.mclass.platform.web.security.RevocationMirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokensTests {

	private final OAuth2TokenValidator<Jwt> rules = AccessTokens.claimRules(properties("http://unused"));

	@Test
	void acceptsATokenShapedLikeAuthServicesOwn() {
		assertThat(this.rules.validate(token(UnaryOperator.identity())).hasErrors()).isFalse();
	}

	@Test
	void refusesATokenThatNeverExpires() {
		assertThat(this.rules.validate(token((claims) -> claims.claims((all) -> all.remove("exp")))).hasErrors()).isTrue();
	}

	@Test
	void refusesASubjectThatIsNoUserId() {
		assertThat(this.rules.validate(token((claims) -> claims.subject("admin"))).hasErrors()).isTrue();
	}

	@Test
	void refusesATokenWithoutSessionRoleOrIssueTime() {
		assertThat(this.rules.validate(token((claims) -> claims.claims((all) -> all.remove("sid")))).hasErrors()).isTrue();
		assertThat(this.rules.validate(token((claims) -> claims.claims((all) -> all.remove("role")))).hasErrors()).isTrue();
		assertThat(this.rules.validate(token((claims) -> claims.claims((all) -> all.remove("iat")))).hasErrors()).isTrue();
	}

	@Test
	void refusesAForeignIssuerOrAudience() {
		assertThat(this.rules.validate(token((claims) -> claims.issuer("someone-else"))).hasErrors()).isTrue();
		assertThat(this.rules.validate(token((claims) -> claims.audience(List.of("other-api")))).hasErrors()).isTrue();
	}

	@Test
	void reportsUnreachableSigningKeysAsAnUncheckableTokenNotABadOne() {
		// Redis is never asked: the signature cannot be checked first.
		AccessTokens tokens = AccessTokens.verifiedWith(properties(StubService.unreachableUrl() + "/.well-known/jwks.json"),
				new SessionRevocations(RevocationMirror.of(properties("http://unused"), Clock.systemUTC()), null,
						Duration.ofSeconds(1), Clock.systemUTC()));

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> tokens.decode(TestTokens.user(UUID.randomUUID())).block())
			.isNotInstanceOf(BadJwtException.class);
	}

	private static MclassSecurityProperties properties(String jwksUri) {
		return new MclassSecurityProperties(jwksUri, TestTokens.ISSUER, TestTokens.AUDIENCE, List.of(), List.of(),
				Duration.ofSeconds(1));
	}

	private static Jwt token(UnaryOperator<Jwt.Builder> bend) {
		Instant now = Instant.now();
		Jwt.Builder builder = Jwt.withTokenValue("token")
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
