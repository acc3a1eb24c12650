package com.mclass.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One Redis command over a plain socket (RESP), for the few a fault test sends; the tests need no Redis client. */
final class RedisCommands {

	private RedisCommands() {
	}

	/** Sends the command and returns Redis' one-line answer ({@code +OK}, {@code -ERR …}). */
	static String send(String host, int port, String... arguments) {
		StringBuilder command = new StringBuilder("*").append(arguments.length).append("\r\n");
		for (String argument : arguments) {
			command.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(argument).append("\r\n");
		}
		try (Socket socket = new Socket(host, port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(command.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis " + String.join(" ", arguments) + " failed", ex);
		}
	}

}
