package com.mclass.auth.social;

import org.springframework.stereotype.Service;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.session.Sessions;
import com.mclass.auth.session.TokenPair;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;

/** Redeems the one-time code of a finished social login for a session, in the browser that finished it. */
@Service
public class SocialExchange {

	private final ExchangeCodes codes;

	private final Users users;

	private final Sessions sessions;

	SocialExchange(ExchangeCodes codes, Users users, Sessions sessions) {
		this.codes = codes;
		this.users = users;
		this.sessions = sessions;
	}

	/** {@code binding} is the value of the browser's {@code mclass_social_binding} cookie (null when absent). */
	public TokenPair exchange(String code, String binding) {
		return this.codes.redeem(code, binding)
			.flatMap(this.users::findById)
			.map(this.sessions::start)
			.orElseThrow(() -> new ApiException(AuthErrorCode.INVALID_EXCHANGE_CODE));
	}

}
