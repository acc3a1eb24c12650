package com.mclass.auth.mailbox;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import com.mclass.auth.AuthErrorCode;
import com.mclass.auth.session.Sessions;
import com.mclass.auth.user.HashingPool;
import com.mclass.auth.user.PasswordHashing;
import com.mclass.auth.user.Provider;
import com.mclass.auth.user.User;
import com.mclass.auth.user.UserEvents;
import com.mclass.auth.user.Users;
import com.mclass.platform.web.ApiException;

/**
 * Getting back into a local account through its mailbox. A request answers the same whether the account exists or
 * not (the work is done off the request thread, so neither the answer nor its timing tells), and mails a link with a
 * single-use token (256 bits, stored hashed, valid {@code resetTtl}) only to an existing, enabled local account,
 * at most {@code mailsPerHour} times per recipient. Confirming sets the new password (the password policy applies),
 * marks the address verified (the link proved the mailbox) and ends every session of the user. A token dies once the
 * password changed, so an older link cannot undo a newer reset. This is how the owner of an address takes back an
 * account someone else registered with it.
 */
@Service
public class PasswordReset implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

	static final String QUOTA = "reset";

	private final MailboxTokens tokens;

	private final MailQuota quota;

	private final MailboxProperties properties;

	private final Users users;

	private final UserEvents events;

	private final PasswordHashing hashing;

	private final HashingPool pool;

	private final Sessions sessions;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/** Requests are handled here, one at a time; past a thousand waiting, new ones are dropped (and logged). */
	private final ThreadPoolExecutor requests = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(1000), (runnable) -> {
				Thread thread = new Thread(runnable, "password-reset-requests");
				thread.setDaemon(true);
				return thread;
			}, (runnable, executor) -> log.warn("Password reset request dropped: too many waiting"));

	PasswordReset(MailboxTokens tokens, MailQuota quota, MailboxProperties properties, Users users, UserEvents events,
			PasswordHashing hashing, HashingPool pool, Sessions sessions, TransactionTemplate transactions, Clock clock) {
		this.tokens = tokens;
		this.quota = quota;
		this.properties = properties;
		this.users = users;
		this.events = events;
		this.hashing = hashing;
		this.pool = pool;
		this.sessions = sessions;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** {@code email} is normalised (trimmed, lower case). Returns at once; the mail, if any, follows. */
	public void request(String email) {
		this.requests.execute(() -> {
			try {
				send(email);
			}
			catch (RuntimeException ex) {
				log.warn("Password reset request failed", ex);
			}
		});
	}

	private void send(String email) {
		if (this.quota.take(QUOTA, email) > 0) {
			log.info("Password reset mail not sent: the recipient's hourly quota is used up");
			return;
		}
		Optional<User> found = this.users.findByProviderAndEmail(Provider.LOCAL, email).filter((user) -> !user.isDisabled());
		if (found.isEmpty()) {
			return;
		}
		User user = found.get();
		String token = this.tokens.issue(MailboxTokens.Purpose.RESET, user.getId(), user.getPasswordHash(), this.properties.resetTtl());
		String link = UriComponentsBuilder.fromUri(this.properties.passwordResetUrl()).queryParam("token", token).build().toUriString();
		this.transactions.executeWithoutResult((status) -> this.events.passwordResetRequested(user, link));
	}

	/**
	 * Sets {@code password} (already through the policy) for the account of {@code token} and ends all its sessions;
	 * 400 {@code INVALID_RESET_TOKEN} if the token is unknown, used, expired, or the password changed since.
	 */
	public void confirm(String token, String password) {
		if (!this.tokens.exists(MailboxTokens.Purpose.RESET, token)) {
			throw new ApiException(AuthErrorCode.INVALID_RESET_TOKEN);
		}
		// Hashed before the token is spent: a busy server (503) must not use up the link.
		String passwordHash = this.pool.run(() -> this.hashing.hash(password));
		MailboxTokens.Redeemed redeemed = this.tokens.redeem(MailboxTokens.Purpose.RESET, token)
			.orElseThrow(() -> new ApiException(AuthErrorCode.INVALID_RESET_TOKEN));
		this.transactions.executeWithoutResult((status) -> {
			User user = this.users.findById(redeemed.userId())
				.filter((found) -> found.getProvider() == Provider.LOCAL && redeemed.actsOn(found.getPasswordHash()))
				.orElseThrow(() -> new ApiException(AuthErrorCode.INVALID_RESET_TOKEN));
			user.resetPassword(passwordHash, this.clock.instant());
			this.users.flush();
		});
		this.sessions.endAll(redeemed.userId(), "password-reset");
	}

	@Override
	public void destroy() {
		this.requests.shutdown();
	}

}
