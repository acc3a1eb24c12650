package com.mclass.auth.mailbox;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.user.SignupStatus;
import com.mclass.auth.user.User;
import com.mclass.auth.user.UserEvents;
import com.mclass.auth.user.UserView;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Proving that the owner of the address made the account: a link with a single-use token (256 bits, stored hashed,
 * valid 24 h) goes to the address in the welcome mail of a local account, and again on request; following it (or
 * posting its token) marks the address verified. One recipient gets at most {@code mailsPerHour} of these mails.
 */
@Service
public class EmailVerification {

	static final String QUOTA = "verify";

	private final MailboxTokens tokens;

	private final MailQuota quota;

	private final MailboxProperties properties;

	private final Users users;

	private final UserEvents events;

	private final SignupStatus status;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EmailVerification(MailboxTokens tokens, MailQuota quota, MailboxProperties properties, Users users, UserEvents events,
			SignupStatus status, TransactionTemplate transactions, Clock clock) {
		this.tokens = tokens;
		this.quota = quota;
		this.properties = properties;
		this.users = users;
		this.events = events;
		this.status = status;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The link for the welcome mail of a just-created local account (counted against the recipient's quota); null if
	 * the recipient already had its mails this hour, and the welcome mail then goes without one.
	 */
	public String linkForNewAccount(User user) {
		if (this.quota.take(QUOTA, user.getEmail()) > 0) {
			return null;
		}
		return link(user);
	}

	/** Sends the verification mail again: 409 if already verified, 429 with Retry-After past the hourly quota. */
	public void resend(UUID userId) {
		User user = this.users.findById(userId).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
		if (user.isEmailVerified()) {
			throw new ApiException(AuthErrorCode.EMAIL_ALREADY_VERIFIED);
		}
		if (user.getEmail() == null) {
			throw new ApiException(CommonErrorCode.CONFLICT);
		}
		long wait = this.quota.take(QUOTA, user.getEmail());
		if (wait > 0) {
			throw new ApiException(CommonErrorCode.RATE_LIMITED, Duration.ofMillis(wait));
		}
		String link = link(user);
		this.transactions.executeWithoutResult((status) -> this.events.emailVerificationRequested(user, link));
	}

	/** Verifies the address the token was sent to; 400 {@code INVALID_VERIFICATION_TOKEN} if unknown, used or expired. */
	public UserView verify(String token) {
		MailboxTokens.Redeemed redeemed = this.tokens.redeem(MailboxTokens.Purpose.VERIFY, token)
			.orElseThrow(() -> new ApiException(AuthErrorCode.INVALID_VERIFICATION_TOKEN));
		return this.transactions.execute((status) -> {
			User user = this.users.findById(redeemed.userId())
				.filter((found) -> redeemed.actsOn(found.getEmail()))
				.orElseThrow(() -> new ApiException(AuthErrorCode.INVALID_VERIFICATION_TOKEN));
			if (!user.isEmailVerified()) {
				user.verifyEmail(this.clock.instant());
				this.users.flush();
			}
			return this.status.view(user);
		});
	}

	private String link(User user) {
		String token = this.tokens.issue(MailboxTokens.Purpose.VERIFY, user.getId(), user.getEmail(), this.properties.verificationTtl());
		return UriComponentsBuilder.fromUri(this.properties.verificationUrl()).queryParam("token", token).build().toUriString();
	}

}
