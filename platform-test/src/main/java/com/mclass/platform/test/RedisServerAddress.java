package com.mclass.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import redis.embedded.RedisServer;

/** The Redis server the tests of this JVM use when Docker is not: environment URL, standard local port, or embedded. */
public record RedisServerAddress(String host, int port, Backing backing) {

	private static RedisServerAddress instance;

	public static synchronized RedisServerAddress get() {
		if (instance == null) {
			instance = locate();
		}
		return instance;
	}

	private static RedisServerAddress locate() {
		Backing forced = Backing.forced();
		if (forced != Backing.EMBEDDED) {
			String url = System.getenv("MCLASS_TEST_REDIS_URL");
			if (url != null && !url.isBlank()) {
				URI uri = URI.create(url);
				return new RedisServerAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379, Backing.LOCAL);
			}
			if (answersPing("127.0.0.1", 6379)) {
				return new RedisServerAddress("127.0.0.1", 6379, Backing.LOCAL);
			}
			if (forced == Backing.LOCAL) {
				throw new IllegalStateException("MCLASS_TEST_INFRA=local but no Redis answers at 127.0.0.1:6379 "
						+ "(start it, or set MCLASS_TEST_REDIS_URL)");
			}
		}
		int port = Ports.free();
		try {
			RedisServer server = new RedisServer(port);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ignored) {
					// the JVM is going away
				}
			}, "embedded-redis-stop"));
			return new RedisServerAddress("127.0.0.1", port, Backing.EMBEDDED);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start an embedded Redis", ex);
		}
	}

	static boolean answersPing(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(5);
			return new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
