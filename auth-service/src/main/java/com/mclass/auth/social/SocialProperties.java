package com.mclass.auth.social;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param redirectUrl the front-end page the browser lands on after a social login, with {@code ?code=} (success) or
 * {@code ?error=} (failure)
 * @param googleIssuer the {@code iss} Google's ID tokens must carry (https://accounts.google.com in production); set
 * here rather than as the provider's issuer-uri, which would make startup depend on a discovery request
 * @param stateCookieSecure whether the cookies binding a login to its browser are {@code Secure}: {@code true},
 * {@code false}, or {@code auto} (default): Secure unless {@code mclass.gateway-url} is plain http on localhost
 * @param authorizationRequestTtl how long a user may take at the provider's consent screen
 * @param codeTtl how long the one-time code handed to the front-end stays redeemable
 */
@ConfigurationProperties("mclass.auth.social")
record SocialProperties(@DefaultValue("http://localhost:8080/social-callback") String redirectUrl, String googleIssuer,
		@DefaultValue("auto") String stateCookieSecure, @DefaultValue("10m") Duration authorizationRequestTtl,
		@DefaultValue("60s") Duration codeTtl) {
}
