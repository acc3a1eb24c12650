package com.mclass.auth.session;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.token.AccessTokenClaims;
import com.mclass.auth.token.AccessTokens;
import com.mclass.auth.token.IssuedAccessToken;
import com.mclass.auth.user.SignupStatus;
import com.mclass.auth.user.User;
import com.mclass.auth.user.UserView;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;

/**
 * Signing in and out: starting a session with a token pair, refreshing it, ending it. Role and sign-up state are read
 * from the database at every issue, so a token is at most one access-token lifetime behind them.
 */
@Service
public class Sessions {

	private static final Logger log = LoggerFactory.getLogger(Sessions.class);

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final Users users;

	private final SignupStatus signupStatus;

	Sessions(RefreshTokens refreshTokens, AccessTokens accessTokens, Users users, SignupStatus signupStatus) {
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.users = users;
		this.signupStatus = signupStatus;
	}

	/** Refuses a disabled account (403 {@code ACCOUNT_DISABLED}) whatever the way in: password, social exchange. */
	public TokenPair start(User user) {
		if (user.isDisabled()) {
			throw new ApiException(AuthErrorCode.ACCOUNT_DISABLED);
		}
		RefreshTokens.Started started = this.refreshTokens.start(user.getId());
		return pair(user, started.sessionId(), started.refreshToken());
	}

	public TokenPair refresh(String refreshToken) {
		RefreshTokens.Rotation rotation = this.refreshTokens.rotate(refreshToken);
		switch (rotation.outcome()) {
			case ROTATED -> {
				User user = this.users.findById(rotation.userId()).orElse(null);
				if (user == null || user.isDisabled()) {
					this.refreshTokens.end(rotation.sessionId(), (user == null) ? "user-deleted" : "user-disabled");
					throw new ApiException(AuthErrorCode.INVALID_REFRESH_TOKEN);
				}
				return pair(user, rotation.sessionId(), rotation.nextToken());
			}
			case REUSED -> {
				log.warn("Refresh token reused: session {} of user {} revoked", rotation.sessionId(), rotation.userId());
				throw new ApiException(AuthErrorCode.INVALID_REFRESH_TOKEN);
			}
			default -> throw new ApiException(AuthErrorCode.INVALID_REFRESH_TOKEN);
		}
	}

	/** A fresh access token in an existing session, for when the user's state changed (complete-signup). */
	public TokenPair reissue(User user, String sessionId) {
		return pair(user, sessionId, null);
	}

	public void end(String sessionId) {
		this.refreshTokens.end(sessionId, "logout");
	}

	/**
	 * Ends every session of the user: refresh tokens die at once, access tokens are refused everywhere within about a
	 * second (the resource servers' revocation mirror). {@code reason} is what the revoked-session keys say
	 * ({@code logout-all}, {@code role-changed}, {@code disabled}, {@code password-reset}).
	 */
	public long endAll(UUID userId, String reason) {
		long ended = this.refreshTokens.endAll(userId, reason);
		log.info("Ended {} session(s) of user {}: {}", ended, userId, reason);
		return ended;
	}

	private TokenPair pair(User user, String sessionId, String refreshToken) {
		UserView view = this.signupStatus.view(user);
		IssuedAccessToken access = this.accessTokens.issue(
				new AccessTokenClaims(user.getId(), user.getEmail(), user.getName(), user.getLocale(), user.getRole().name(),
						sessionId, view.signUpCompleted(), user.isEmailVerified()));
		return new TokenPair(access.value(), refreshToken, TokenPair.BEARER, access.expiresInSeconds(), view);
	}

}
