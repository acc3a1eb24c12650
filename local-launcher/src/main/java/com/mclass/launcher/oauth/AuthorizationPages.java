package com.mclass.launcher.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.mclass.launcher.net.Html.escape;

/**
 * A provider's authorization endpoint ({@code /google/authorize}, …) as a person meets it: a login page in the
 * provider's colours asking who they are, then the mock's own code issuing. What the person types becomes a
 * {@link MockAccount}, and the form the mock receives carries that account's id as the user name and the provider's
 * user-info document as the claims, so the tokens and the userinfo answer come out in the provider's shape.
 */
final class AuthorizationPages {

	static final String ENDPOINT = "authorize";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<String> REQUEST_PARAMETERS = List.of("client_id", "redirect_uri", "scope", "state",
			"code_challenge", "code_challenge_method", "nonce");

	private AuthorizationPages() {
	}

	static OAuth2HttpResponse handle(MockProvider provider, OAuth2HttpRequest request,
			Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> mock) {
		OAuth2HttpRequest oidc = withOpenIdScope(request);
		if (!isValid(oidc)) {
			return mock.invoke(oidc); // the mock's own error answer says what is missing
		}
		return switch (request.getMethod()) {
			case "GET" -> Pages.html(200, loginPage(provider, request.getUrl(), "", "", null));
			case "POST" -> signIn(provider, oidc, mock);
			default -> mock.invoke(oidc);
		};
	}

	/**
	 * Kakao and Naver are plain OAuth2: auth-service asks them for no {@code openid} scope and reads no ID token. The
	 * mock, though, parses every authorization request as an OpenID Connect one, which must have that scope. Adding it
	 * on the mock's side of this door only adds an ID token to the token response, which a plain OAuth2 client ignores;
	 * the browser and auth-service keep seeing the request as it was sent.
	 */
	static OAuth2HttpRequest withOpenIdScope(OAuth2HttpRequest request) {
		HttpUrl url = request.getOriginalUrl();
		String scope = url.queryParameter("scope");
		if (scope != null && Arrays.asList(scope.split(" ")).contains("openid")) {
			return request;
		}
		String widened = (scope == null || scope.isBlank()) ? "openid" : scope + " openid";
		return new OAuth2HttpRequest(request.getHeaders(), request.getMethod(),
				url.newBuilder().setQueryParameter("scope", widened).build(), request.getBody());
	}

	private static boolean isValid(OAuth2HttpRequest request) {
		try {
			AuthenticationRequest.parse(request.getUrl().uri());
			return true;
		}
		catch (ParseException ex) {
			return false;
		}
	}

	private static OAuth2HttpResponse signIn(MockProvider provider, OAuth2HttpRequest request,
			Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> mock) {
		Map<String, String> form = Pages.form(request.getBody());
		if (form.containsKey("cancel")) {
			return cancelled(request.getUrl());
		}
		String login = form.getOrDefault("username", "");
		String extraClaims = form.getOrDefault("claims", "").strip();
		MockAccount account;
		try {
			account = MockAccount.of(provider, login);
		}
		catch (IllegalArgumentException ex) {
			return Pages.html(400, loginPage(provider, request.getUrl(), login, extraClaims, ex.getMessage()));
		}
		Map<String, Object> claims = new LinkedHashMap<>(provider.userInfo(account));
		if (!extraClaims.isEmpty()) {
			try {
				JsonNode extra = json.readTree(extraClaims);
				if (!extra.isObject()) {
					throw new IllegalArgumentException("not an object");
				}
				extra.properties().forEach((field) -> claims.put(field.getKey(), json.treeToValue(field.getValue(), Object.class)));
			}
			catch (JacksonException | IllegalArgumentException ex) {
				return Pages.html(400, loginPage(provider, request.getUrl(), login, extraClaims,
						"The extra claims must be a JSON object, e.g. {\"email_verified\": false}"));
			}
		}
		// The mock makes the user name the tokens' subject and adds the claims to the tokens, whose claims are
		// also its userinfo answer.
		String body = "username=" + encode(account.userId()) + "&claims=" + encode(json.writeValueAsString(claims));
		Headers headers = request.getHeaders().newBuilder().removeAll("Content-Length").build();
		return mock.invoke(new OAuth2HttpRequest(headers, "POST", request.getOriginalUrl(), body));
	}

	/** What a provider does when the person declines: back to the client with {@code access_denied}. */
	private static OAuth2HttpResponse cancelled(HttpUrl authorization) {
		HttpUrl redirect = HttpUrl.parse(authorization.queryParameter("redirect_uri"));
		if (redirect == null) {
			return Pages.html(400, "<p>The authorization request has no usable redirect_uri.</p>");
		}
		HttpUrl.Builder back = redirect.newBuilder()
			.addQueryParameter("error", "access_denied")
			.addQueryParameter("error_description", "The user cancelled the login");
		String state = authorization.queryParameter("state");
		if (state != null) {
			back.addQueryParameter("state", state);
		}
		return Pages.redirect(back.build().toString());
	}

	static String loginPage(MockProvider provider, HttpUrl authorization, String login, String extraClaims, String error) {
		StringBuilder body = new StringBuilder();
		body.append("<h1>Sign in with ").append(escape(provider.displayName())).append("</h1>")
			.append("<p>This is not ").append(escape(provider.displayName()))
			.append(": it is the stand-in <code>./mclass up</code> runs so that social login works without real accounts. ")
			.append("Type an e-mail address or any name. The same words always sign in as the same ")
			.append(escape(provider.displayName())).append(" user; a name gets a made-up, verified address at ")
			.append(escape(provider.emailDomain())).append(".</p>");
		if (error != null) {
			body.append("<p class=\"error\">").append(escape(error)).append("</p>");
		}
		body.append("<form method=\"post\">")
			.append("<label>E-mail or name<input type=\"text\" name=\"username\" required autofocus autocomplete=\"off\"")
			.append(" placeholder=\"minsu or minsu@example.com\" value=\"").append(escape(login)).append("\"></label>")
			.append("<details").append(extraClaims.isEmpty() ? "" : " open")
			.append("><summary>Extra user-info claims (optional)</summary>")
			.append("<p class=\"note\">A JSON object merged over the generated document, field by field — e.g. ")
			.append("<code>{\"email_verified\": false}</code> for Google.</p>")
			.append("<textarea name=\"claims\" rows=\"5\">").append(escape(extraClaims)).append("</textarea></details>")
			.append("<button type=\"submit\">Sign in</button>")
			.append("<button type=\"submit\" class=\"secondary\" name=\"cancel\" value=\"access_denied\" formnovalidate>")
			.append("Cancel</button></form>");
		body.append("<h2>What ").append(escape(provider.displayName())).append(" answers for “minsu”</h2><pre>")
			.append(escape(json.writerWithDefaultPrettyPrinter()
				.writeValueAsString(provider.userInfo(MockAccount.of(provider, "minsu")))))
			.append("</pre>");
		body.append("<h2>The authorization request</h2><dl>");
		for (String name : REQUEST_PARAMETERS) {
			String value = authorization.queryParameter(name);
			if (value != null) {
				body.append("<dt>").append(escape(name)).append("</dt><dd>").append(escape(value)).append("</dd>");
			}
		}
		body.append("</dl>");
		return Pages.page(provider.displayName() + " sign-in (local mock)", provider.displayName(),
				"local mock provider · MClass", provider.brandColor(), provider.brandTextColor(), body.toString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
