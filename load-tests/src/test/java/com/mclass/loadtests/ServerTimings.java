package com.mclass.loadtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side time of the enroll requests, from the services' own {@code http_server_requests_seconds} (Prometheus
 * text on {@code /actuator/prometheus}), read before and after the rush: how long the gateway and enrollment-service
 * each held the requests, next to what the client saw. Both are read on their management ports (actuator is never on
 * a public port), reachable on this machine, which is where the benchmark runs. Unreachable → no figures, no failure.
 */
final class ServerTimings {

	/** Greedy labels: a label value may hold braces, e.g. uri="/api/mclasses/{id}/enrollments". */
	private static final Pattern LINE = Pattern.compile("^http_server_requests_seconds_(count|sum)\\{(.*)\\}\\s+(\\S+)$");

	private final double count;

	private final double seconds;

	private ServerTimings(double count, double seconds) {
		this.count = count;
		this.seconds = seconds;
	}

	static final ServerTimings NONE = new ServerTimings(Double.NaN, Double.NaN);

	/** POST requests to the enroll endpoint (for the gateway, whose routes are not tagged: every POST). */
	static ServerTimings scrape(URI prometheus, boolean enrollUriOnly) {
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return NONE;
			}
			double count = 0;
			double seconds = 0;
			for (String line : response.body().split("\n")) {
				Matcher matcher = LINE.matcher(line);
				if (!matcher.matches()) {
					continue;
				}
				String labels = matcher.group(2);
				if (!labels.contains("method=\"POST\"")
						|| (enrollUriOnly && !labels.contains("uri=\"/api/mclasses/{id}/enrollments\""))) {
					continue;
				}
				double value = Double.parseDouble(matcher.group(3));
				if (matcher.group(1).equals("count")) {
					count += value;
				}
				else {
					seconds += value;
				}
			}
			return new ServerTimings(count, seconds);
		}
		catch (IOException | RuntimeException ex) {
			return NONE;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return NONE;
		}
	}

	/** Requests counted between the two scrapes, and their mean time in milliseconds (NaN when not known). */
	record Delta(double requests, double meanMillis) {

		boolean known() {
			return !Double.isNaN(this.requests) && this.requests > 0;
		}

	}

	static Delta between(ServerTimings before, ServerTimings after) {
		double requests = after.count - before.count;
		return new Delta(requests, (requests > 0) ? (after.seconds - before.seconds) * 1000 / requests : Double.NaN);
	}

}
