package com.mclass.systemtests;

import java.util.Map;

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
	void badRegistrationNamesEveryFieldAtFault(Gateway gateway) {
		Gateway.Reply reply = gateway.post("/api/auth/register", "{\"email\":\"not-an-email\",\"password\":\"short\",\"name\":\"\"}",
				Map.of("Accept-Language", "en"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(reply.json().path("error").path("details").findValuesAsString("field")).contains("email", "password", "name");
	}

}
