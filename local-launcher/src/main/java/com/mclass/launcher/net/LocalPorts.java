package com.mclass.launcher.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Questions about TCP ports on this machine, answered by trying rather than by parsing {@code ss}. */
public final class LocalPorts {

	// Linux hands out 32768-60999 for port 0 and outgoing connections; stay clear of it and of the well-known ports.
	private static final int FIRST_CHOSEN_PORT = 20000;

	private static final int LAST_CHOSEN_PORT = 32000;

	private static final Random RANDOM = new Random();

	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private LocalPorts() {
	}

	/**
	 * Whether a server could bind this port. Binds the wildcard address because that is what the services do,
	 * and on Linux it also fails when someone holds the port on a single address (127.0.0.1 or ::1). Reuse-address is
	 * on so that a port in TIME_WAIT after a previous run counts as free, as it does for the servers themselves.
	 */
	public static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A port nobody listens on right now, for a server that binds it a little later (a service is told every other
	 * service's URL before any starts). Chosen below the kernel's ephemeral range, because ports in that range are
	 * also handed to {@code bind(0)} and to outgoing connections, which could take the port in the meantime; never
	 * the same port twice in one JVM.
	 */
	public static int freePort() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int candidate = FIRST_CHOSEN_PORT + RANDOM.nextInt(LAST_CHOSEN_PORT - FIRST_CHOSEN_PORT + 1);
			if (isFree(candidate) && HANDED_OUT.add(candidate)) {
				return candidate;
			}
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free TCP port", ex);
		}
	}

	/** Whether something accepts TCP connections at this address. */
	public static boolean answers(String host, int port, Duration timeout) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
