package com.mclass.auth.token.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.token.ServiceTokens;

/**
 * The OAuth 2.0 token endpoint for service-to-service calls: the client-credentials grant only (RFC 6749 §4.4), the
 * client authenticated with HTTP Basic or with {@code client_id}/{@code client_secret} in the form (§2.3.1). Plain RFC
 * 6749 JSON, not the envelope: OAuth client libraries read it. Never routed by the gateway.
 */
@Hidden
@RestController
class ServiceTokenController {

	private static final String BASIC = "Basic ";

	private final ServiceTokens tokens;

	ServiceTokenController(ServiceTokens tokens) {
		this.tokens = tokens;
	}

	@PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(name = "client_id", required = false) String formClientId,
			@RequestParam(name = "client_secret", required = false) String formClientSecret,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		if (grantType == null || grantType.isBlank()) {
			return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required");
		}
		if (!"client_credentials".equals(grantType)) {
			return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Only client_credentials is supported");
		}
		String[] credentials = (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length()))
				? basicCredentials(authorization.substring(BASIC.length()).trim())
				: new String[] { formClientId, formClientSecret };
		return this.tokens.issue(credentials[0], credentials[1])
			.map((token) -> {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("access_token", token.value());
				body.put("token_type", "Bearer");
				body.put("expires_in", token.expiresInSeconds());
				body.put("scope", "internal");
				return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
			})
			.orElseGet(() -> error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed"));
	}

	/** {@code base64(urlencode(id) ":" urlencode(secret))}; anything malformed yields no credentials. */
	private static String[] basicCredentials(String encoded) {
		try {
			String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon < 0) {
				return new String[2];
			}
			return new String[] { URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8) };
		}
		catch (IllegalArgumentException ex) {
			return new String[2];
		}
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mclass\"");
		}
		return response.body(Map.of("error", error, "error_description", description));
	}

}
