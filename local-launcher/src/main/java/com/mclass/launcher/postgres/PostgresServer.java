package com.mclass.launcher.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mclass.launcher.net.LocalPorts;

/**
 * The PostgreSQL server the services use: one that already runs on this machine, or an embedded one
 * (zonky's binaries) started for this run. Either way the databases the services need exist afterwards.
 */
public final class PostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

	// PostgreSQL's SQLSTATE for "database already exists": another launcher won the race to create it.
	private static final String DUPLICATE_DATABASE = "42P04";

	private final String host;

	private final int port;

	private final PostgresSettings settings;

	private final EmbeddedPostgres embedded;

	private final Path temporaryDataDirectory;

	private PostgresServer(String host, int port, PostgresSettings settings, EmbeddedPostgres embedded,
			Path temporaryDataDirectory) {
		this.host = host;
		this.port = port;
		this.settings = settings;
		this.embedded = embedded;
		this.temporaryDataDirectory = temporaryDataDirectory;
	}

	/**
	 * Reuses the server at the configured address if something answers there, otherwise starts an embedded one.
	 * A server that answers but refuses the login is an error, not a reason to start another: the port is taken
	 * and the user most likely forgot {@code MCLASS_DB_PASSWORD}.
	 */
	public static PostgresServer reuseOrStart(PostgresSettings settings) {
		if (settings.reuseRunning() && LocalPorts.answers(settings.host(), settings.port(), Duration.ofSeconds(1))) {
			PostgresServer server = new PostgresServer(settings.host(), settings.port(), settings, null, null);
			server.checkLogin();
			log.info("PostgreSQL: using the server at {}:{}", settings.host(), settings.port());
			return server;
		}
		return startEmbedded(settings);
	}

	private static PostgresServer startEmbedded(PostgresSettings settings) {
		Path temporaryDataDirectory = null;
		try {
			Path dataDirectory = settings.embeddedDataDirectory();
			if (dataDirectory == null) {
				temporaryDataDirectory = Files.createTempDirectory("mclass-postgres-");
				dataDirectory = temporaryDataDirectory;
			}
			else {
				Files.createDirectories(dataDirectory);
			}
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("listen_addresses", "127.0.0.1")
				// Five services with a pool each plus tests; the default of 100 is fine but say so explicitly.
				.setServerConfig("max_connections", "200");
			if (settings.embeddedPort() != 0) {
				builder.setPort(settings.embeddedPort());
			}
			EmbeddedPostgres embedded = builder.start();
			log.info("PostgreSQL: started an embedded server on 127.0.0.1:{} (data in {})", embedded.getPort(),
					(temporaryDataDirectory != null) ? "a temporary directory" : dataDirectory);
			// zonky's embedded server trusts the OS user it runs as; its superuser is "postgres".
			return new PostgresServer("127.0.0.1", embedded.getPort(),
					settings.withServer("127.0.0.1", embedded.getPort(), "postgres", ""), embedded,
					temporaryDataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(temporaryDataDirectory);
			throw new IllegalStateException("No PostgreSQL answers at " + settings.host() + ":" + settings.port()
					+ " and an embedded one could not be started: " + ex.getMessage() + ". Start a PostgreSQL server"
					+ " yourself; it is reused when it answers there (MCLASS_DB_HOST / MCLASS_DB_PORT / MCLASS_DB_PASSWORD).",
					ex);
		}
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public String user() {
		return this.settings.user();
	}

	public String password() {
		return this.settings.password();
	}

	/** Whether this run started the server (and will stop it on close). */
	public boolean isEmbedded() {
		return this.embedded != null;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	/**
	 * Creates each database that does not exist yet (or drops and recreates all of them when the settings ask for
	 * fresh ones). CREATE DATABASE cannot run in a transaction, so existence is checked first and a concurrent
	 * creation by someone else is tolerated.
	 */
	public void ensureDatabases(Collection<String> databases) {
		try (Connection connection = connect("postgres")) {
			connection.setAutoCommit(true);
			for (String database : databases) {
				if (this.settings.freshDatabases()) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
					}
				}
				if (!exists(connection, database)) {
					create(connection, database);
					log.info("PostgreSQL: created database {}", database);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the databases " + databases + " on " + this.host + ":"
					+ this.port + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

	private static void create(Connection connection, String database) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE \"" + database + "\"");
		}
		catch (SQLException ex) {
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw ex;
			}
		}
	}

	private void checkLogin() {
		try (Connection connection = connect("postgres")) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("A PostgreSQL server answers at " + this.host + ":" + this.port
					+ " but refused to log in as '" + this.settings.user() + "': " + ex.getMessage()
					+ ". Set MCLASS_DB_PASSWORD to the password of that user, or point MCLASS_DB_HOST / MCLASS_DB_PORT"
					+ " at another server.", ex);
		}
	}

	private Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.settings.user());
		properties.setProperty("password", this.settings.password());
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", "60");
		return DriverManager.getConnection(jdbcUrl(database), properties);
	}

	@Override
	public void close() {
		if (this.embedded == null) {
			return;
		}
		Process postmaster = this.embedded.getProcess();
		try {
			this.embedded.close();
		}
		catch (IOException ex) {
			log.warn("Could not stop the embedded PostgreSQL cleanly: {}", ex.getMessage());
		}
		// zonky stops it with pg_ctl, which only logs when it fails; make sure the postmaster is really gone.
		if (postmaster != null && postmaster.isAlive()) {
			postmaster.destroy();
			try {
				if (!postmaster.waitFor(10, TimeUnit.SECONDS)) {
					postmaster.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				postmaster.destroyForcibly();
			}
		}
		deleteQuietly(this.temporaryDataDirectory);
		log.info("PostgreSQL: stopped the embedded server");
	}

	private static void deleteQuietly(Path directory) {
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", directory, ex.getMessage());
		}
	}

}
