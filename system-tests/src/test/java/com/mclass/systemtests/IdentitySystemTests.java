package com.mclass.systemtests;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, sign-in and sign-out through the gateway, with the gateway and the services checking every token. */
@ExtendWith(RunningPlatform.class)
class IdentitySystemTests {

	@Test
	void aStudentRegistersSeesThemselvesAndLogsOut(Gateway gateway) throws InterruptedException {
		JsonNode tokens = Accounts.registerStudent(gateway, "김하늘");
		String access = tokens.path("accessToken").asString();
		assertThat(tokens.path("user").path("signUpCompleted").asBoolean()).isTrue();

		Gateway.Reply me = gateway.get("/api/auth/me", Gateway.bearer(access));
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("data").path("name").asString()).isEqualTo("김하늘");

		Gateway.Reply refreshed = gateway.post("/api/auth/refresh",
				"{\"refreshToken\":\"%s\"}".formatted(tokens.path("refreshToken").asString()), Map.of());
		assertThat(refreshed.status()).isEqualTo(200);
		String newAccess = refreshed.json().path("data").path("accessToken").asString();

		assertThat(gateway.post("/api/auth/logout", "{}", Gateway.bearer(newAccess)).status()).isEqualTo(200);
		Thread.sleep(1200); // revocations are cached for at most a second
		Gateway.Reply afterLogout = gateway.get("/api/auth/me", Gateway.bearer(newAccess));
		assertThat(afterLogout.status()).isEqualTo(401);
		assertThat(afterLogout.json().path("error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void reusingARefreshTokenEndsTheWholeSession(Gateway gateway) {
		JsonNode tokens = Accounts.registerStudent(gateway, "이바다");
		String refresh = "{\"refreshToken\":\"%s\"}".formatted(tokens.path("refreshToken").asString());
		assertThat(gateway.post("/api/auth/refresh", refresh, Map.of()).status()).isEqualTo(200);
		assertThat(gateway.post("/api/auth/refresh", refresh, Map.of()).status()).isEqualTo(401);
	}

	@Test
	void wrongPasswordAndUnknownEmailLookTheSame(Gateway gateway) {
		Gateway.Reply wrongPassword = gateway.post("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"not-the-password\"}".formatted(Accounts.ADMIN_EMAIL), Map.of());
		Gateway.Reply unknown = gateway.post("/api/auth/login",
				"{\"email\":\"nobody@example.com\",\"password\":\"not-the-password\"}", Map.of());
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrongPassword.body()).isEqualTo(unknown.body());
	}

	@Test
	void studentsCannotReachAdminRoutes(Gateway gateway) {
		String access = Accounts.registerStudent(gateway, "박별").path("accessToken").asString();
		Gateway.Reply reply = gateway.get("/api/admin/users", Gateway.bearer(access));
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.json().path("error").path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(gateway.get("/api/admin/users", Gateway.bearer(Accounts.adminToken(gateway))).status()).isEqualTo(200);
	}

	@Test
	void theWelcomeMailsLinkVerifiesTheAddressThroughTheGateway(Gateway gateway, MailInbox inbox) throws InterruptedException {
		JsonNode tokens = Accounts.registerStudent(gateway, "정하람");
		String email = tokens.path("user").path("email").asString();
		assertThat(tokens.path("user").path("emailVerified").asBoolean()).isFalse();

		String text = inbox.awaitText(email, "이메일 주소를 인증해 주세요", Duration.ofSeconds(20));
		Matcher link = Pattern.compile("(http://\\S+/api/auth/verify-email\\?token=[A-Za-z0-9_-]+)").matcher(text);
		assertThat(link.find()).as(text).isTrue();
		URI verification = URI.create(link.group(1));
		assertThat(verification.getPort()).isEqualTo(gateway.url().getPort());

		Gateway.Reply verified = gateway.get(verification.getRawPath() + "?" + verification.getRawQuery(), Map.of());

		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().path("data").path("emailVerified").asBoolean()).isTrue();
		Gateway.Reply me = gateway.get("/api/auth/me", Gateway.bearer(tokens.path("accessToken").asString()));
		assertThat(me.json().path("data").path("emailVerified").asBoolean()).isTrue();
		assertThat(gateway.get(verification.getRawPath() + "?" + verification.getRawQuery(), Map.of()).status()).isEqualTo(400);
	}

	@Test
	void aPasswordResetThroughTheGatewaySignsOutEverywhereAndTheNewPasswordWorks(Gateway gateway, MailInbox inbox)
			throws InterruptedException {
		JsonNode tokens = Accounts.registerStudent(gateway, "한겨울");
		String email = tokens.path("user").path("email").asString();
		Gateway.Reply requested = gateway.post("/api/auth/password-reset", "{\"email\":\"%s\"}".formatted(email), Map.of());
		Gateway.Reply unknown = gateway.post("/api/auth/password-reset", "{\"email\":\"nobody-%s\"}".formatted(email), Map.of());
		assertThat(requested.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(unknown.body()).isEqualTo(requested.body());

		String text = inbox.awaitText(email, "비밀번호 재설정", Duration.ofSeconds(20));
		Matcher token = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)").matcher(text);
		assertThat(token.find()).as(text).isTrue();
		Gateway.Reply confirmed = gateway.post("/api/auth/password-reset/confirm",
				"{\"token\":\"%s\",\"password\":\"a fresh winter passphrase\"}".formatted(token.group(1)), Map.of());

		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		Thread.sleep(1200); // revocations are cached for at most a second
		assertThat(gateway.get("/api/auth/me", Gateway.bearer(tokens.path("accessToken").asString())).status()).isEqualTo(401);
		Gateway.Reply login = gateway.post("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"a fresh winter passphrase\"}".formatted(email), Map.of());
		assertThat(login.status()).as(login.body()).isEqualTo(200);
	}

	@Test
	void aDisabledStudentIsRefusedAtTheGatewayWithinASecondAndCannotSignIn(Gateway gateway) throws InterruptedException {
		JsonNode tokens = Accounts.registerStudent(gateway, "서가을");
		String access = tokens.path("accessToken").asString();
		assertThat(gateway.get("/api/mclasses/00000000-0000-0000-0000-000000000000/enrollments", Gateway.bearer(access)).status())
			.isNotEqualTo(401);

		Gateway.Reply disabled = gateway.put("/api/admin/users/" + tokens.path("user").path("id").asString(), "{\"disabled\":true}",
				Gateway.bearer(Accounts.adminToken(gateway)));
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

		Thread.sleep(1200); // revocations are cached for at most a second
		assertThat(gateway.get("/api/auth/me", Gateway.bearer(access)).status()).isEqualTo(401);
		assertThat(gateway.get("/api/mclasses/00000000-0000-0000-0000-000000000000/enrollments", Gateway.bearer(access)).status())
			.isEqualTo(401);
		Gateway.Reply login = gateway.post("/api/auth/login", "{\"email\":\"%s\",\"password\":\"correct horse battery staple\"}"
			.formatted(tokens.path("user").path("email").asString()), Map.of());
		assertThat(login.status()).isEqualTo(403);
		assertThat(login.json().path("error").path("code").asString()).isEqualTo("ACCOUNT_DISABLED");
	}

	@Test
	void badRegistrationNamesEveryFieldAtFault(Gateway gateway) {
		Gateway.Reply reply = gateway.post("/api/auth/register", "{\"email\":\"not-an-email\",\"password\":\"short\",\"name\":\"\"}",
				Map.of("Accept-Language", "en"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(reply.json().path("error").path("details").findValuesAsString("field")).contains("email", "password", "name");
	}

}
