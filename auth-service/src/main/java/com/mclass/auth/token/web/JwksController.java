package com.mclass.auth.token.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.auth.token.PublishedKeys;

/**
 * The JWKS every resource server (the gateway, each service) verifies access tokens with. Plain RFC 7517 JSON, not
 * the envelope: it is read by JWT libraries, not by MClass clients.
 */
@RestController
class JwksController {

	private final PublishedKeys keys;

	JwksController(PublishedKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		// Short caching: a newly added key must reach resource servers well before it becomes the active one.
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(this.keys.asJson());
	}

}
