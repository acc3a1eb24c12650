package com.mclass.auth.login;

import java.util.Optional;

import org.springframework.stereotype.Service;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.session.Sessions;
import com.mclass.auth.session.TokenPair;
import com.mclass.auth.user.PasswordHashing;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.User;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;

/**
 * Logging in with e-mail and password. A wrong password and an unknown e-mail fail alike: same code, same body,
 * and about the same time (an unknown e-mail still costs one bcrypt verification).
 */
@Service
public class PasswordLogin {

	private final Users users;

	private final PasswordHashing hashing;

	private final LoginThrottle throttle;

	private final Sessions sessions;

	PasswordLogin(Users users, PasswordHashing hashing, LoginThrottle throttle, Sessions sessions) {
		this.users = users;
		this.hashing = hashing;
		this.throttle = throttle;
		this.sessions = sessions;
	}

	/** {@code email} is already normalised (trimmed, lower case). */
	public TokenPair login(String email, String password, String clientAddress) {
		this.throttle.checkAllowed(email, clientAddress);
		Optional<User> user = this.users.findByProviderAndEmail(Provider.LOCAL, email);
		boolean matches;
		if (user.isPresent()) {
			matches = this.hashing.matches(password, user.get().getPasswordHash());
		}
		else {
			this.hashing.spendVerificationTime(password);
			matches = false;
		}
		if (!matches) {
			this.throttle.recordFailure(email, clientAddress);
			throw new ApiException(AuthErrorCode.INVALID_CREDENTIALS);
		}
		this.throttle.recordSuccess(email);
		return this.sessions.start(user.get());
	}

}
