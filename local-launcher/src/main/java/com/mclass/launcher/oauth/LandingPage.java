package com.mclass.launcher.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.mclass.launcher.net.Html.escape;

/**
 * The front-end's part of a social login, for a platform that has no front-end: auth-service ends every social login
 * with a redirect to the front-end URL ({@code MCLASS_AUTH_SOCIAL_REDIRECT_URL}), which the launcher points here. The
 * page shows the one-time code and how a front-end redeems it, and redeems it on request through the gateway, as a
 * front-end would, showing whom the platform now knows. {@code /} lists where each social login starts.
 */
final class LandingPage {

	static final String PATH = "/social-callback";

	/** auth-service's cookie binding the one-time code to the browser that signed in. */
	static final String BINDING_COOKIE = "mclass_social_binding";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Supplier<URI> gatewayUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** @param gatewayUrl the gateway's URL, or null while the gateway's port is not known yet */
	LandingPage(Supplier<URI> gatewayUrl) {
		this.gatewayUrl = gatewayUrl;
	}

	static boolean serves(String path) {
		return "/".equals(path) || PATH.equals(path);
	}

	OAuth2HttpResponse handle(OAuth2HttpRequest request) {
		URI gateway = this.gatewayUrl.get();
		if (gateway == null) {
			return Pages.html(503, frame("Not ready", "<p>The gateway is not running yet; try again in a moment.</p>"));
		}
		if (PATH.equals(request.getUrl().encodedPath())) {
			if ("POST".equals(request.getMethod())) {
				return Pages.html(200, exchanged(gateway, Pages.form(request.getBody()).getOrDefault("code", ""),
						bindingCookie(request.getHeaders().get("Cookie"))));
			}
			String code = request.getUrl().queryParameter("code");
			if (code != null) {
				return Pages.html(200, signedIn(gateway, code));
			}
			String error = request.getUrl().queryParameter("error");
			if (error != null) {
				return Pages.html(200, failed(gateway, error, request.getUrl().queryParameter("reason")));
			}
		}
		return Pages.html(200, frame("Social login", "<h1>Try social login</h1>" + starts(gateway)));
	}

	private static String signedIn(URI gateway, String code) {
		return frame("Signed in", "<h1>The provider said yes</h1>"
				+ "<p>auth-service has checked the provider's answer and sent the browser back to the front-end — this "
				+ "page — with a one-time code and, in an HttpOnly cookie <code>" + BINDING_COOKIE + "</code>, the proof "
				+ "that this browser signed in. A front-end trades both for the platform's tokens within 60 seconds "
				+ "(from the gateway's site, with credentials, so that the cookie goes along):</p>"
				+ "<pre>curl -s " + escape(gateway + "/api/auth/social/exchange")
				+ " -H 'Content-Type: application/json' \\\n  -H 'Cookie: " + BINDING_COOKIE + "=&lt;the cookie&gt;' -d '{\"code\":\""
				+ escape(code) + "\"}'</pre>"
				+ "<form method=\"post\" action=\"" + PATH + "\"><input type=\"hidden\" name=\"code\" value=\""
				+ escape(code) + "\"><button type=\"submit\">Exchange it now</button></form>");
	}

	private static String failed(URI gateway, String error, String reason) {
		return frame("Sign-in failed", "<h1>The social login did not go through</h1><p class=\"error\">"
				+ escape(error) + ((reason != null) ? " — " + escape(reason) : "") + "</p>"
				+ "<p class=\"note\"><code>access_denied</code>: the person cancelled at the provider; "
				+ "<code>authorization_request_not_found</code>: the login was started in another browser, already "
				+ "finished, or is older than 10 minutes.</p><h2>Try again</h2>" + starts(gateway));
	}

	/**
	 * The code's binding cookie from the browser's {@code Cookie} header: auth-service set it for this host (path
	 * {@code /}, and cookies do not tell ports apart), and redeems a code only together with it.
	 */
	static String bindingCookie(String cookieHeader) {
		if (cookieHeader == null) {
			return null;
		}
		for (String pair : cookieHeader.split(";")) {
			String trimmed = pair.strip();
			if (trimmed.startsWith(BINDING_COOKIE + "=")) {
				String value = trimmed.substring(BINDING_COOKIE.length() + 1);
				return value.matches("[A-Za-z0-9_-]{1,200}") ? value : null;
			}
		}
		return null;
	}

	/**
	 * The front-end's calls, made through the gateway: the exchange (with the browser's binding cookie, as a front-end
	 * on the gateway's site sends it), then {@code /api/auth/me} with the new token.
	 */
	private String exchanged(URI gateway, String code, String binding) {
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/auth/social/exchange"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("code", code))));
		if (binding != null) {
			request.header("Cookie", BINDING_COOKIE + "=" + binding);
		}
		Reply exchange = send(request);
		if (exchange.status() != 200) {
			return frame("Exchange refused", "<h1>The exchange was refused</h1><p class=\"error\">HTTP " + exchange.status()
					+ "</p><pre>" + escape(exchange.body()) + "</pre><p class=\"note\">A code works once, for 60 seconds, "
					+ "and only in the browser that signed in (its <code>" + BINDING_COOKIE + "</code> cookie)."
					+ "</p><h2>Start again</h2>" + starts(gateway));
		}
		JsonNode tokens = exchange.json().path("data");
		String accessToken = tokens.path("accessToken").asString();
		Reply me = send(HttpRequest.newBuilder(gateway.resolve("/api/auth/me"))
			.header("Authorization", "Bearer " + accessToken)
			.GET());
		JsonNode user = (me.status() == 200) ? me.json().path("data") : tokens.path("user");
		StringBuilder body = new StringBuilder("<h1>Signed in as ").append(escape(user.path("name").asString()))
			.append("</h1><h2>GET /api/auth/me</h2><dl>");
		for (String field : new String[] { "id", "email", "name", "provider", "role", "signUpCompleted" }) {
			body.append("<dt>").append(field).append("</dt><dd>").append(escape(user.path(field).asString())).append("</dd>");
		}
		body.append("</dl><h2>The token pair</h2><p class=\"note\">The access token expires in ")
			.append(tokens.path("expiresIn").asString()).append(" s; the refresh token renews it.</p><pre>TOKEN=")
			.append(escape(accessToken)).append("\nREFRESH=").append(escape(tokens.path("refreshToken").asString()))
			.append("\ncurl -s ").append(escape(gateway + "/api/auth/me")).append(" -H \"Authorization: Bearer $TOKEN\"</pre>");
		if (!user.path("signUpCompleted").asBoolean()) {
			body.append("<p>A new social user has not agreed to the terms yet: enrolling answers ")
				.append("<code>SIGNUP_INCOMPLETE</code> until they do.</p><pre>TERMS=$(curl -s ")
				.append(escape(gateway + "/api/terms")).append(" | jq -c '[.data[] | select(.isRequired) | .id]')\ncurl -s ")
				.append(escape(gateway + "/api/auth/complete-signup"))
				.append(" -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n  -d \"{\\\"name\\\":\\\"")
				.append(escape(user.path("name").asString())).append("\\\",\\\"termIds\\\":$TERMS}\"</pre>");
		}
		body.append("<h2>Another login</h2>").append(starts(gateway));
		return frame("Signed in", body.toString());
	}

	private static String starts(URI gateway) {
		StringBuilder links = new StringBuilder("<ul>");
		for (MockProvider provider : MockProvider.values()) {
			String start = gateway + "/api/auth/" + provider.issuerId();
			links.append("<li><a href=\"").append(escape(start)).append("\">Sign in with ")
				.append(escape(provider.displayName())).append("</a> — <code>").append(escape(start)).append("</code></li>");
		}
		return links.append("</ul>").toString();
	}

	private static String frame(String title, String body) {
		return Pages.page(title + " — MClass", "MClass", "social login · stand-in front-end of ./mclass up", "#24292f",
				"#ffffff", body);
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Reply(502, "The gateway did not answer: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reply(503, "Interrupted");
		}
	}

	private record Reply(int status, String body) {

		JsonNode json() {
			try {
				return LandingPage.json.readTree(this.body);
			}
			catch (JacksonException ex) {
				return LandingPage.json.createObjectNode();
			}
		}

	}

}
