/**
 * Access tokens: the RSA signing keys (configured, or generated and stored), RS256 JWTs with {@code kid}, {@code iss},
 * {@code aud} and {@code sid}, the decoder for auth-service's own tokens, and the JWKS every resource server verifies
 * against ({@code /.well-known/jwks.json}).
 */
package com.mclass.auth.token;
