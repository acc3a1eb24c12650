package com.mclass.auth.token;

import java.util.Map;

import org.springframework.stereotype.Component;

/** The public half of every non-retired signing key, as a JWKS document. */
@Component
public class PublishedKeys {

	private final SigningKeys keys;

	PublishedKeys(SigningKeys keys) {
		this.keys = keys;
	}

	public Map<String, Object> asJson() {
		return this.keys.publishedKeys().toPublicJWKSet().toJSONObject();
	}

}
