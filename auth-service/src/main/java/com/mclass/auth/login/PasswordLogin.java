package com.mclass.auth.login;

import java.util.Optional;

import org.springframework.stereotype.Service;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.session.Sessions;
import com.mclass.auth.session.TokenPair;
import com.mclass.auth.user.HashingPool;
import com.mclass.auth.user.PasswordHashing;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.User;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;

/**
 * Logging in with e-mail and password. A wrong password and an unknown e-mail fail alike: same code, same body,
 * and about the same time (an unknown e-mail still costs one bcrypt verification). The attempt is reserved with the
 * throttle before any hashing, and the hash runs on the bounded {@link HashingPool}.
 */
@Service
public class PasswordLogin {

	private final Users users;

	private final PasswordHashing hashing;

	private final HashingPool pool;

	private final LoginThrottle throttle;

	private final Sessions sessions;

	PasswordLogin(Users users, PasswordHashing hashing, HashingPool pool, LoginThrottle throttle, Sessions sessions) {
		this.users = users;
		this.hashing = hashing;
		this.pool = pool;
		this.throttle = throttle;
		this.sessions = sessions;
	}

	/** {@code email} is already normalised (trimmed, lower case). */
	public TokenPair login(String email, String password, String clientAddress) {
		this.throttle.reserve(email, clientAddress);
		Optional<User> user = this.users.findByProviderAndEmail(Provider.LOCAL, email);
		boolean matches;
		try {
			matches = this.pool.run(() -> {
				if (user.isPresent()) {
					return this.hashing.matches(password, user.get().getPasswordHash());
				}
				this.hashing.spendVerificationTime(password);
				return false;
			});
		}
		catch (HashingPool.Busy ex) {
			this.throttle.abandoned(email, clientAddress);
			throw ex;
		}
		if (!matches) {
			this.throttle.failed(email, clientAddress);
			throw new ApiException(AuthErrorCode.INVALID_CREDENTIALS);
		}
		this.throttle.succeeded(email, clientAddress);
		if (user.get().isDisabled()) {
			// Only said after the right password, so it reveals nothing to someone guessing.
			throw new ApiException(AuthErrorCode.ACCOUNT_DISABLED);
		}
		return this.sessions.start(user.get());
	}

}
