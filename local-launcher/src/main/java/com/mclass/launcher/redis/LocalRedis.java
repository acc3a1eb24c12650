package com.mclass.launcher.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import com.mclass.launcher.net.LocalPorts;

/**
 * The Redis the services use: one that already answers PING on this machine, or an embedded redis-server
 * (the binary shipped in codemonstur's embedded-redis) started for this run.
 */
public final class LocalRedis implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalRedis.class);

	private final String host;

	private final int port;

	private final RedisServer embedded;

	private LocalRedis(String host, int port, RedisServer embedded) {
		this.host = host;
		this.port = port;
		this.embedded = embedded;
	}

	public static LocalRedis reuseOrStart(RedisSettings settings) {
		if (settings.reuseRunning()) {
			String reply = ping(settings.host(), settings.port());
			if ("+PONG".equals(reply)) {
				log.info("Redis: using the server at {}:{}", settings.host(), settings.port());
				return new LocalRedis(settings.host(), settings.port(), null);
			}
			if (reply != null) {
				throw new IllegalStateException("Something answers at " + settings.host() + ":" + settings.port()
						+ " but not as a Redis the services can use (PING → " + reply + "). Stop it, or point"
						+ " MCLASS_REDIS_HOST / MCLASS_REDIS_PORT at a Redis without a password.");
			}
		}
		return startEmbedded(settings);
	}

	private static LocalRedis startEmbedded(RedisSettings settings) {
		int port = (settings.embeddedPort() != 0) ? settings.embeddedPort() : LocalPorts.freePort();
		try {
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				// A throwaway cache for local runs: nothing is written to disk.
				.setting("save \"\"")
				.setting("appendonly no")
				// The output must be drained or redis-server blocks once the pipe buffer is full.
				.soutListener((line) -> log.debug("redis-server: {}", line))
				.serrListener((line) -> log.debug("redis-server: {}", line))
				.build();
			server.start();
			log.info("Redis: started an embedded server on 127.0.0.1:{}", port);
			return new LocalRedis("127.0.0.1", port, server);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("No Redis answers at " + settings.host() + ":" + settings.port()
					+ " and the embedded redis-server could not be started on port " + port + ": " + ex.getMessage()
					+ ". Start a Redis server yourself (it is reused when it answers PING there).", ex);
		}
	}

	/** The first reply line to PING, or {@code null} when nothing answers. Raw RESP keeps a client library out. */
	static String ping(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return readLine(socket.getInputStream());
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int next;
		while ((next = in.read()) != -1 && next != '\n') {
			if (next != '\r') {
				line.append((char) next);
			}
		}
		return line.toString();
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	/** Whether this run started the server (and will stop it on close). */
	public boolean isEmbedded() {
		return this.embedded != null;
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			try {
				this.embedded.stop();
				log.info("Redis: stopped the embedded server");
			}
			catch (IOException ex) {
				log.warn("Could not stop the embedded Redis: {}", ex.getMessage());
			}
		}
	}

}
