package com.mclass.platform.web.security;

import java.util.List;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call a service's {@code /internal/**} endpoints: another MClass service, proven by a service token that
 * auth-service issued to it with the client-credentials grant (RFC 6749 §4.4, {@code POST /oauth2/token}). Such a token
 * is signed with the same keys as users' tokens and carries the same issuer, but its audience is
 * {@value #AUDIENCE} and its subject {@code service:<client id>}. The two never cross: a user's access token is refused
 * on {@code /internal/**} (wrong audience), and a service token is refused on the API (wrong audience there too). So a
 * service port reached past the gateway gives nothing away without a service credential.
 */
public final class ServiceCalls {

	/** The audience of service tokens; never the API's. */
	public static final String AUDIENCE = "mclass-internal";

	/** Service tokens name their caller as {@code service:<client id>}. */
	public static final String SUBJECT_PREFIX = "service:";

	/** The authority a verified service token grants. */
	public static final String AUTHORITY = "SERVICE";

	static final String PATHS = "/internal/**";

	static final RequestMatcher INTERNAL_PATHS = PathPatternRequestMatcher.withDefaults().matcher(PATHS);

	private final AuthenticationManager authenticationManager;

	private ServiceCalls(JwtDecoder decoder) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> List.<GrantedAuthority>of(new SimpleGrantedAuthority(AUTHORITY)));
		provider.setJwtAuthenticationConverter(converter);
		this.authenticationManager = provider::authenticate;
	}

	/**
	 * Service tokens verified by the given decoder's keys (auth-service uses its keys in memory), with the checks of a
	 * service token in place of the decoder's own.
	 */
	public static ServiceCalls verifiedBy(NimbusJwtDecoder keys, String issuer) {
		keys.setJwtValidator(validator(issuer));
		return new ServiceCalls(keys);
	}

	/** Expiry and not-before, the platform's issuer, the internal audience and a service subject. */
	static OAuth2TokenValidator<Jwt> validator(String issuer) {
		return new DelegatingOAuth2TokenValidator<>(List.of(JwtValidators.createDefaultWithIssuer(issuer),
				TokenClaimValidators.audience(AUDIENCE), ServiceCalls::serviceSubject));
	}

	/** Authenticates a service token as its caller, with the {@value #AUTHORITY} authority and nothing else. */
	AuthenticationManager authenticationManager() {
		return this.authenticationManager;
	}

	private static OAuth2TokenValidatorResult serviceSubject(Jwt jwt) {
		String subject = jwt.getSubject();
		return (subject != null && subject.startsWith(SUBJECT_PREFIX) && subject.length() > SUBJECT_PREFIX.length())
				? OAuth2TokenValidatorResult.success()
				: OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
						"The token does not name a calling service", null));
	}

}
