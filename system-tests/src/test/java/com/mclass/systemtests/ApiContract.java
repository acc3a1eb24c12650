package com.mclass.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Holds every answer a system test gets from the gateway to the OpenAPI document the gateway publishes for it (the
 * four documents under {@code /v3/api-docs/<service>}), with Atlassian's openapi-request-validator (OpenAPI 3.1 through
 * networknt's JSON Schema 2020-12). An answer whose status is not documented for its operation, or whose body does not
 * match the documented schema — an error envelope where the document lists none, a null where it says string — fails
 * the test that received it, whichever test that is. Calls to paths no document describes (the gateway's own 404 for
 * an unknown route, the social-login redirects, the documents themselves) are counted but not judged.
 */
final class ApiContract {

	static final List<String> SERVICES = List.of("auth", "class", "enrollment", "notification");

	private static final Set<String> NOT_THIS_DOCUMENT = Set.of("validation.request.path.missing", "validation.response.path.missing");

	private static final Map<URI, ApiContract> byGateway = new ConcurrentHashMap<>();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, OpenApiInteractionValidator> validators;

	private final AtomicInteger checked = new AtomicInteger();

	private final AtomicInteger undocumented = new AtomicInteger();

	private ApiContract(Map<String, OpenApiInteractionValidator> validators) {
		this.validators = validators;
	}

	private static final Set<URI> gateways = ConcurrentHashMap.newKeySet();

	/** Marks {@code gatewayUrl} as the platform's gateway: answers from it are checked, answers from other URLs not. */
	static void watch(URI gatewayUrl) {
		gateways.add(gatewayUrl);
	}

	/** The documents the gateway at {@code url} publishes (fetched once per run), or null for any other URL. */
	static ApiContract forUrl(URI url) {
		return gateways.contains(url) ? byGateway.computeIfAbsent(url, ApiContract::load) : null;
	}

	private static ApiContract load(URI gatewayUrl) {
		Map<String, OpenApiInteractionValidator> validators = new LinkedHashMap<>();
		for (String service : SERVICES) {
			validators.put(service, OpenApiInteractionValidator.createForInlineApiSpecification(document(gatewayUrl, service))
				// the documents' server is the gateway's public URL, which tests reach on a free port instead
				.withBasePathOverride("/")
				.build());
		}
		return new ApiContract(validators);
	}

	static String document(URI gatewayUrl, String service) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(gatewayUrl.resolve("/v3/api-docs/" + service))
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The gateway answered " + response.statusCode() + " for the " + service
						+ " API document: " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not fetch the " + service + " API document", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Fails with every mismatch when the answer to {@code method} {@code path} does not match the document that
	 * describes the path.
	 */
	void check(String method, URI uri, Gateway.Reply reply) {
		Request.Method requestMethod = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
		SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
		reply.headers().forEach(response::withHeader);
		if (reply.body() != null && !reply.body().isEmpty()) {
			response.withBody(reply.body());
		}
		SimpleResponse built = response.build();
		for (Map.Entry<String, OpenApiInteractionValidator> document : this.validators.entrySet()) {
			ValidationReport report = document.getValue().validateResponse(uri.getRawPath(), requestMethod, built);
			List<ValidationReport.Message> messages = report.getMessages();
			if (messages.stream().anyMatch((message) -> NOT_THIS_DOCUMENT.contains(message.getKey()))) {
				continue;
			}
			this.checked.incrementAndGet();
			List<ValidationReport.Message> errors = new ArrayList<>(
					messages.stream().filter((message) -> message.getLevel() == ValidationReport.Level.ERROR).toList());
			if (!errors.isEmpty()) {
				throw new AssertionError("The answer to " + method + " " + uri.getRawPath() + " does not match the " + document.getKey()
						+ " API document the gateway publishes:\n  "
						+ errors.stream().map(ApiContract::describe).collect(Collectors.joining("\n  ")) + "\n  status " + reply.status()
						+ ", body: " + abbreviate(reply.body()));
			}
			return;
		}
		this.undocumented.incrementAndGet();
	}

	/** Answers judged against a document so far. */
	int checked() {
		return this.checked.get();
	}

	/** Answers to paths no document describes. */
	int undocumented() {
		return this.undocumented.get();
	}

	private static String describe(ValidationReport.Message message) {
		return "[" + message.getKey() + "] " + message.getMessage()
				+ (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo());
	}

	private static String abbreviate(String body) {
		if (body == null) {
			return "(none)";
		}
		return (body.length() > 600) ? body.substring(0, 600) + "…" : body;
	}

}
