package com.mclass.auth.social;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Keeps each pending social login (state, PKCE verifier, nonce) in Redis for a few minutes instead of an HTTP
 * session, so the callback may reach any replica. A cookie holding the state binds the login to the browser that
 * started it: a callback whose {@code state} is unknown, already used, or not the one in the caller's cookie is
 * refused, which stops an attacker from completing their own login in a victim's browser (login CSRF).
 */
class RedisAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

	static final String COOKIE = "mclass_oauth2_state";

	static final String PREFIX = "mclass:auth:oauth2:request:";

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Duration ttl;

	private final SocialCookies cookies;

	RedisAuthorizationRequests(StringRedisTemplate redis, JsonMapper json, Duration ttl, SocialCookies cookies) {
		this.redis = redis;
		this.json = json;
		this.ttl = ttl;
		this.cookies = cookies;
	}

	@Override
	public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
		String state = boundState(request);
		return (state != null) ? parse(this.redis.opsForValue().get(PREFIX + state)) : null;
	}

	@Override
	public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
			HttpServletResponse response) {
		if (authorizationRequest == null) {
			removeAuthorizationRequest(request, response);
			return;
		}
		String state = authorizationRequest.getState();
		this.redis.opsForValue().set(PREFIX + state, this.json.writeValueAsString(Stored.of(authorizationRequest)), this.ttl);
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(state, this.ttl).toString());
	}

	@Override
	public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
		String state = boundState(request);
		if (state == null) {
			return null;
		}
		// getAndDelete: a state is good for one callback only.
		OAuth2AuthorizationRequest stored = parse(this.redis.opsForValue().getAndDelete(PREFIX + state));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
		return stored;
	}

	/** The callback's state, if it is the one this browser's cookie carries. */
	private static String boundState(HttpServletRequest request) {
		String state = request.getParameter(OAuth2ParameterNames.STATE);
		if (state == null || state.isEmpty() || state.length() > 200) {
			return null;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && state.equals(cookie.getValue())) {
					return state;
				}
			}
		}
		return null;
	}

	private ResponseCookie cookie(String value, Duration maxAge) {
		return this.cookies.cookie(COOKIE, value, maxAge);
	}

	private OAuth2AuthorizationRequest parse(String value) {
		if (value == null) {
			return null;
		}
		try {
			return this.json.readValue(value, Stored.class).toRequest();
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The parts of an authorization request the callback needs, all strings (no Java serialization in Redis). */
	record Stored(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
			Map<String, String> additionalParameters, Map<String, String> attributes, String authorizationRequestUri) {

		static Stored of(OAuth2AuthorizationRequest request) {
			return new Stored(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(), request.getScopes(),
					request.getState(), strings(request.getAdditionalParameters()), strings(request.getAttributes()),
					request.getAuthorizationRequestUri());
		}

		OAuth2AuthorizationRequest toRequest() {
			return OAuth2AuthorizationRequest.authorizationCode()
				.authorizationUri(this.authorizationUri)
				.clientId(this.clientId)
				.redirectUri(this.redirectUri)
				.scopes(this.scopes)
				.state(this.state)
				.additionalParameters(new LinkedHashMap<>(this.additionalParameters))
				.attributes((attributes) -> attributes.putAll(this.attributes))
				.authorizationRequestUri(this.authorizationRequestUri)
				.build();
		}

		private static Map<String, String> strings(Map<String, Object> values) {
			Map<String, String> result = new LinkedHashMap<>();
			values.forEach((key, value) -> {
				if (value != null) {
					result.put(key, value.toString());
				}
			});
			return result;
		}

	}

}
