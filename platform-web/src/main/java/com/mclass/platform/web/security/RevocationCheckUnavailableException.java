package com.mclass.platform.web.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The revoked-session store could not be asked (Redis down, paused or timing out), so the token can be neither
 * accepted nor called invalid. {@link EnvelopeSecurityHandlers} answers 503 with {@code Retry-After}: the client should
 * try again shortly, not log in again. An {@link AuthenticationException} but not an
 * {@code AuthenticationServiceException}, which the bearer-token filter would rethrow as a 500.
 */
public class RevocationCheckUnavailableException extends AuthenticationException {

	public RevocationCheckUnavailableException(Throwable cause) {
		super("The revoked-session check is unavailable: " + cause.getMessage(), cause);
	}

}
