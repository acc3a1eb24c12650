package com.mclass.launcher.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mclass.launcher.net.LocalPorts;

class PostgresServerTests {

	private static final String DATABASE = "mclass_launchertest_ensure";

	@TempDir
	Path dataDirectory;

	private final PostgresSettings localServer = new PostgresSettings("127.0.0.1", 5432, "postgres",
			System.getenv().getOrDefault("MCLASS_DB_PASSWORD", ""), "mclass_launchertest_", true, 0, null, false);

	@AfterEach
	void dropTestDatabase() throws SQLException {
		if (LocalPorts.answers("127.0.0.1", 5432, Duration.ofSeconds(1))) {
			try (Connection connection = connect(this.localServer, "postgres"); Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			}
		}
	}

	@Test
	void createsMissingDatabasesOnTheRunningServerAndLeavesExistingOnesAlone() throws SQLException {
		assumeTrue(LocalPorts.answers("127.0.0.1", 5432, Duration.ofSeconds(1)), "no PostgreSQL on 127.0.0.1:5432");

		try (PostgresServer server = PostgresServer.reuseOrStart(this.localServer)) {
			assertThat(server.isEmbedded()).isFalse();
			server.ensureDatabases(List.of(DATABASE));
			try (Connection connection = connect(this.localServer, DATABASE); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE kept (id int)");
			}
			server.ensureDatabases(List.of(DATABASE));
			assertThat(tableExists(this.localServer, "kept")).isTrue();
			assertThat(server.jdbcUrl(DATABASE)).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
		}
	}

	@Test
	void recreatesTheDatabasesWhenAskedForFreshOnes() throws SQLException {
		assumeTrue(LocalPorts.answers("127.0.0.1", 5432, Duration.ofSeconds(1)), "no PostgreSQL on 127.0.0.1:5432");
		try (PostgresServer server = PostgresServer.reuseOrStart(this.localServer)) {
			server.ensureDatabases(List.of(DATABASE));
			try (Connection connection = connect(this.localServer, DATABASE); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE left_over (id int)");
			}
		}

		try (PostgresServer server = PostgresServer.reuseOrStart(this.localServer.withFreshDatabases(true))) {
			server.ensureDatabases(List.of(DATABASE));
		}

		assertThat(tableExists(this.localServer, "left_over")).isFalse();
	}

	@Test
	void startsAnEmbeddedServerWithTheDatabasesAndStopsIt() throws SQLException {
		int port;
		try (PostgresServer server = PostgresServer.reuseOrStart(this.localServer.withEmbeddedServer(0, this.dataDirectory))) {
			port = server.port();
			assertThat(server.isEmbedded()).isTrue();
			server.ensureDatabases(List.of(DATABASE));
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(DATABASE), "postgres", "")) {
				assertThat(connection.isValid(2)).isTrue();
			}
		}
		assertThat(LocalPorts.isFree(port)).isTrue();
	}

	@Test
	void keepsTheEmbeddedServersDataBetweenRuns() throws SQLException {
		PostgresSettings embedded = this.localServer.withEmbeddedServer(0, this.dataDirectory.resolve("kept"));
		try (PostgresServer server = PostgresServer.reuseOrStart(embedded)) {
			server.ensureDatabases(List.of(DATABASE));
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(DATABASE), "postgres", "");
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE survives_restart (id int)");
			}
		}

		try (PostgresServer server = PostgresServer.reuseOrStart(embedded)) {
			server.ensureDatabases(List.of(DATABASE));
			try (Connection connection = DriverManager.getConnection(server.jdbcUrl(DATABASE), "postgres", "");
					ResultSet tables = connection.getMetaData().getTables(null, "public", "survives_restart", null)) {
				assertThat(tables.next()).isTrue();
			}
		}
	}

	private static boolean tableExists(PostgresSettings settings, String table) throws SQLException {
		try (Connection connection = connect(settings, DATABASE);
				ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
			return tables.next();
		}
	}

	private static Connection connect(PostgresSettings settings, String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + database,
				settings.user(), settings.password());
	}

}
