package com.mclass.launcher.redis;

/**
 * Where the services' Redis is.
 *
 * @param host host of a Redis server to reuse
 * @param port its port
 * @param reuseRunning use a server that already answers PING at host:port instead of starting one
 * @param embeddedPort port for an embedded server, 0 for any free port
 */
public record RedisSettings(String host, int port, boolean reuseRunning, int embeddedPort) {

	public RedisSettings withServer(String host, int port) {
		return new RedisSettings(host, port, this.reuseRunning, this.embeddedPort);
	}

	/** Where an embedded server goes when none answers at host:port (and reuse is on). */
	public RedisSettings withEmbeddedFallback(int embeddedPort) {
		return new RedisSettings(this.host, this.port, this.reuseRunning, embeddedPort);
	}

	/** Always start an embedded server, even when one answers at host:port. */
	public RedisSettings withEmbeddedServer(int embeddedPort) {
		return new RedisSettings(this.host, this.port, false, embeddedPort);
	}

}
