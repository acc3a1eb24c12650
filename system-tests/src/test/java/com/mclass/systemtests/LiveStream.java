package com.mclass.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Server-Sent Events stream read through the gateway, as the rush page reads it (token in the header). */
final class LiveStream implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final List<Event> events = new CopyOnWriteArrayList<>();

	private final InputStream body;

	private final Thread reader;

	private LiveStream(InputStream body) {
		this.body = body;
		this.reader = Thread.ofVirtual().start(this::read);
	}

	static LiveStream open(URI gateway, String classId, String accessToken) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/mclasses/" + classId + "/live"))
				.header("Accept", "text/event-stream");
			if (accessToken != null) {
				request.header("Authorization", "Bearer " + accessToken);
			}
			HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("live stream answered " + response.statusCode());
			}
			return new LiveStream(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	List<Event> named(String name) {
		return this.events.stream().filter((event) -> event.name().equals(name)).toList();
	}

	private void read() {
		String name = "message";
		String id = null;
		StringBuilder data = new StringBuilder();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						this.events.add(new Event(name, id, data.toString(), System.currentTimeMillis()));
					}
					name = "message";
					id = null;
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	@Override
	public void close() {
		try {
			this.body.close();
		}
		catch (IOException ex) {
			// going away
		}
		this.reader.interrupt();
	}

	record Event(String name, String id, String data, long receivedAt) {
	}

}
