package com.mclass.auth.admin;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.auth.AuthApi;
import com.mclass.auth.AuthServiceIntegrationTest;
import com.mclass.auth.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator's change to an account and its event on mclass.user.events are one transaction's work. */
@AuthServiceIntegrationTest
class AccountChangeEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAdministration administration;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	AuthApi api;

	final UUID adminId = UUID.randomUUID();

	@BeforeEach
	void client() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void aRoleChangeAndDisablingAppendTheirEventsWithWhoDidItAndThePreviousRole() {
		UUID userId = AuthApi.userId(this.api.register(AuthApi.uniqueEmail("audited")));

		this.administration.update(userId, new UserAdministration.Change(Role.ADMIN, true), this.adminId);

		List<String> payloads = this.jdbc.queryForList("SELECT payload FROM outbox_event WHERE message_key = ? "
				+ "AND type IN ('UserRoleChanged', 'UserDisabled', 'UserEnabled') ORDER BY seq", String.class, userId.toString());
		assertThat(payloads).hasSize(2);
		JsonNode roleChanged = AuthApi.json.readTree(payloads.get(0));
		assertThat(roleChanged.path("type").asString()).isEqualTo("UserRoleChanged");
		assertThat(roleChanged.path("data").path("previousRole").asString()).isEqualTo("USER");
		assertThat(roleChanged.path("data").path("role").asString()).isEqualTo("ADMIN");
		assertThat(roleChanged.path("data").path("changedBy").asString()).isEqualTo(this.adminId.toString());
		JsonNode disabled = AuthApi.json.readTree(payloads.get(1));
		assertThat(disabled.path("type").asString()).isEqualTo("UserDisabled");
		assertThat(disabled.path("data").path("disabled").asBoolean()).isTrue();

		this.administration.update(userId, new UserAdministration.Change(null, false), this.adminId);
		assertThat(eventTypes(userId)).containsExactly("UserRoleChanged", "UserDisabled", "UserEnabled");
	}

	@Test
	void theEventsAreWrittenInTheTransactionOfTheChangeSoARollbackKeepsNeither() {
		UUID userId = AuthApi.userId(this.api.register(AuthApi.uniqueEmail("rolledback")));

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.administration.update(userId, new UserAdministration.Change(Role.ADMIN, true), this.adminId);
			assertThat(eventTypes(userId)).as("visible inside the transaction").containsExactly("UserRoleChanged", "UserDisabled");
			status.setRollbackOnly();
		});

		assertThat(eventTypes(userId)).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT role FROM users WHERE id = ?", String.class, userId)).isEqualTo("USER");
		assertThat(this.jdbc.queryForObject("SELECT disabled FROM users WHERE id = ?", Boolean.class, userId)).isFalse();
	}

	@Test
	void nothingChangedAppendsNoEvent() {
		UUID userId = AuthApi.userId(this.api.register(AuthApi.uniqueEmail("unchanged")));

		this.administration.update(userId, new UserAdministration.Change(Role.USER, false), this.adminId);

		assertThat(eventTypes(userId)).isEmpty();
	}

	private List<String> eventTypes(UUID userId) {
		return this.jdbc.queryForList("SELECT type FROM outbox_event WHERE message_key = ? "
				+ "AND type IN ('UserRoleChanged', 'UserDisabled', 'UserEnabled') ORDER BY seq", String.class, userId.toString());
	}

}
