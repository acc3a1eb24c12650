package com.mclass.launcher.postgres;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the services' databases live.
 *
 * @param host host of a PostgreSQL server to reuse
 * @param port its port
 * @param user a superuser (it creates the databases)
 * @param password its password, empty for trust authentication
 * @param databasePrefix prepended to each service's database name ({@code mclass_} → {@code mclass_auth})
 * @param reuseRunning use a server that already answers at host:port instead of starting one
 * @param embeddedPort port for an embedded server, 0 for any free port
 * @param embeddedDataDirectory data directory of an embedded server, kept between runs; {@code null} for a
 * temporary one that is deleted on close
 * @param freshDatabases drop and recreate the databases instead of keeping what an earlier run left
 */
public record PostgresSettings(String host, int port, String user, String password, String databasePrefix,
		boolean reuseRunning, int embeddedPort, Path embeddedDataDirectory, boolean freshDatabases) {

	// The names end up unquoted in logs and quoted in DDL; keeping them plain keeps both simple and safe.
	private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9_]*");

	public PostgresSettings {
		if (!PLAIN_NAME.matcher(databasePrefix).matches()) {
			throw new IllegalArgumentException(
					"Database prefix must be lower-case letters, digits and underscores: '" + databasePrefix + "'");
		}
		password = (password != null) ? password : "";
	}

	public String databaseName(String suffix) {
		return this.databasePrefix + suffix;
	}

	public PostgresSettings withDatabasePrefix(String databasePrefix) {
		return new PostgresSettings(this.host, this.port, this.user, this.password, databasePrefix, this.reuseRunning,
				this.embeddedPort, this.embeddedDataDirectory, this.freshDatabases);
	}

	public PostgresSettings withServer(String host, int port, String user, String password) {
		return new PostgresSettings(host, port, user, password, this.databasePrefix, this.reuseRunning,
				this.embeddedPort, this.embeddedDataDirectory, this.freshDatabases);
	}

	/** Where an embedded server goes when none answers at host:port (and reuse is on). */
	public PostgresSettings withEmbeddedFallback(int embeddedPort, Path embeddedDataDirectory) {
		return new PostgresSettings(this.host, this.port, this.user, this.password, this.databasePrefix,
				this.reuseRunning, embeddedPort, embeddedDataDirectory, this.freshDatabases);
	}

	/** Always start an embedded server, even when one answers at host:port. */
	public PostgresSettings withEmbeddedServer(int embeddedPort, Path embeddedDataDirectory) {
		return new PostgresSettings(this.host, this.port, this.user, this.password, this.databasePrefix, false,
				embeddedPort, embeddedDataDirectory, this.freshDatabases);
	}

	public PostgresSettings withFreshDatabases(boolean freshDatabases) {
		return new PostgresSettings(this.host, this.port, this.user, this.password, this.databasePrefix,
				this.reuseRunning, this.embeddedPort, this.embeddedDataDirectory, freshDatabases);
	}

}
