package com.mclass.auth.token;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

record SigningKey(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey, boolean active) {

	/** The public half as published in the JWKS. */
	RSAKey publicJwk() {
		return new RSAKey.Builder(this.publicKey).keyID(this.kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
	}

}
