package com.mclass.gateway.retry;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A service on a raw socket, so that it can misbehave the way a real service's connection does, which an HTTP server
 * stub cannot: hang up without answering, reset the connection before reading the body, or never answer. Each path
 * follows a script, one reaction per request it receives, the last one repeated for any further request; a path
 * without a script answers 200. Connections are kept alive between answers, as Tomcat does. Understands request
 * bodies with a {@code Content-Length} only, which is how the gateway forwards the bodies these tests send.
 */
final class ScriptedService implements AutoCloseable {

	enum Reaction {

		/** Reads the whole request and closes the connection without a status line. */
		HANG_UP,

		/** Reads the request head and resets the connection (RST) while the body is still coming. */
		RESET,

		/** Reads the request and never answers. */
		SILENT,

		OK,

		CREATED,

		UNAVAILABLE

	}

	/** The service's own error answer, which the gateway must relay untouched. */
	static final String UNAVAILABLE_BODY = """
			{"success":false,"error":{"code":"SERVICE_UNAVAILABLE","message":"from the service itself"}}""";

	private final ServerSocket server;

	private final Map<String, ConcurrentLinkedDeque<Reaction>> scripts = new ConcurrentHashMap<>();

	private final Queue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();

	private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

	private ScriptedService() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	static ScriptedService start() {
		try {
			ScriptedService service = new ScriptedService();
			daemon(service::accept).start();
			return service;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the scripted service", ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	void script(String path, Reaction... reactions) {
		this.scripts.put(path, new ConcurrentLinkedDeque<>(List.of(reactions)));
	}

	/** Every request received on the path, in order, including those it hung up on. */
	List<ReceivedRequest> receivedOn(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket connection : this.connections) {
			connection.close();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket connection = this.server.accept();
				this.connections.add(connection);
				daemon(() -> serve(connection)).start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static Thread daemon(Runnable task) {
		Thread thread = new Thread(task, "scripted-service");
		thread.setDaemon(true);
		return thread;
	}

	private void serve(Socket connection) {
		try (connection) {
			InputStream in = new BufferedInputStream(connection.getInputStream());
			OutputStream out = connection.getOutputStream();
			while (true) {
				String requestLine = readLine(in);
				if (requestLine == null || requestLine.isEmpty()) {
					return;
				}
				String[] parts = requestLine.split(" ");
				String path = parts[1].split("\\?")[0];
				Map<String, String> headers = readHeaders(in);
				Reaction reaction = nextReaction(path);
				if (reaction == Reaction.RESET) {
					this.received.add(new ReceivedRequest(parts[0], path, headers, null));
					// Linger 0: close() sends RST instead of FIN, even with the unread body still in flight.
					connection.setSoLinger(true, 0);
					return;
				}
				String body = new String(in.readNBytes(contentLength(headers)), StandardCharsets.UTF_8);
				this.received.add(new ReceivedRequest(parts[0], path, headers, body));
				switch (reaction) {
					case HANG_UP -> {
						return;
					}
					case SILENT -> {
						// Until the gateway gives up and closes the connection.
						in.transferTo(OutputStream.nullOutputStream());
						return;
					}
					case OK -> answer(out, "200 OK", "{\"success\":true,\"data\":{\"attempt\":\"ok\"}}");
					case CREATED -> answer(out, "201 Created", "{\"success\":true,\"data\":{\"status\":\"APPROVED\"}}");
					case UNAVAILABLE -> answer(out, "503 Service Unavailable", UNAVAILABLE_BODY);
					default -> throw new IllegalStateException(reaction.name());
				}
			}
		}
		catch (IOException ex) {
			// the gateway or close() ended the connection
		}
		finally {
			this.connections.remove(connection);
		}
	}

	private Reaction nextReaction(String path) {
		ConcurrentLinkedDeque<Reaction> script = this.scripts.get(path);
		if (script == null) {
			return Reaction.OK;
		}
		return (script.size() > 1) ? script.poll() : script.peek();
	}

	private static void answer(OutputStream out, String status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
				+ "\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		out.write(bytes);
		out.flush();
	}

	private static Map<String, String> readHeaders(InputStream in) throws IOException {
		Map<String, String> headers = new ConcurrentHashMap<>();
		for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		return headers;
	}

	private static int contentLength(Map<String, String> headers) {
		String length = headers.get("content-length");
		return (length != null) ? Integer.parseInt(length) : 0;
	}

	/** A line of the request head without its CRLF; {@code null} at the end of the stream. */
	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int next = in.read(); next != -1; next = in.read()) {
			if (next == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(next);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	/**
	 * What reached the service; header names in lower case.
	 *
	 * @param body {@code null} when the service reset the connection before reading it
	 */
	record ReceivedRequest(String method, String path, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
