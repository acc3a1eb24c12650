package com.mclass.auth.token;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenTtl lifetime of access tokens; short, because a role change or a new required term reaches a
 * token only when it is refreshed (logout reaches it at once through the revoked-session key)
 * @param signingKeys RSA keys from configuration (production); when empty, a key is generated once and kept in the
 * database (development default)
 * @param keyReloadInterval how often keys kept in the database are re-read, so a rotation reaches every replica
 */
@ConfigurationProperties("mclass.auth")
record TokenProperties(@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue({}) List<ConfiguredKey> signingKeys,
		@DefaultValue("1m") Duration keyReloadInterval) {

	/**
	 * @param kid the key id in token headers and the JWKS; defaults to the key's RFC 7638 thumbprint
	 * @param privateKeyPem an RSA private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, as written by
	 * {@code openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048})
	 * @param active whether new tokens are signed with it; exactly one key is active, the others are only published
	 * so that tokens they signed still verify during a rotation
	 */
	record ConfiguredKey(String kid, String privateKeyPem, @DefaultValue("false") boolean active) {
	}

}
