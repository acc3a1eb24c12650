package com.mclass.auth.login;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed (the gateway's); anyone
 * else's header is ignored, so a client cannot pick the address it is throttled by
 * @param accountClient failed logins per account and client address (an IPv6 client by its /64): the lock an
 * attacker earns locks only the attacker's own client out of the account
 * @param account failed logins per account from every address; past {@code maxFailures} the account is under attack
 * and every client gets one failure before its (account, client) lock, with that limit's lock times. A client that
 * has not failed still gets in, so the owner is slowed only after mistyping, never locked out by someone else.
 * @param ip failed logins per client address, looser because many users may share one (NAT, campus)
 * @param keyPrefix where the counts and locks live in Redis; the tests use their own, so that a platform or a
 * benchmark on the same machine and Redis (whose failures from 127.0.0.1 count for hours' worth of windows) never
 * locks them out
 */
@ConfigurationProperties("mclass.auth.login")
record LoginProperties(@DefaultValue({ "127.0.0.0/8", "::1" }) List<String> trustedProxies,
		@DefaultValue({ "5", "15m", "1m", "15m" }) Limit accountClient,
		@DefaultValue({ "20", "15m", "1m", "15m" }) Limit account, @DefaultValue({ "50", "15m", "1m", "15m" }) Limit ip,
		@DefaultValue("mclass:auth:login:") String keyPrefix) {

	/**
	 * @param maxFailures failures within {@code window} after which attempts are refused
	 * @param window how long a failure counts
	 * @param lock how long attempts are refused after reaching {@code maxFailures}; doubled at each further failure
	 * @param maxLock the cap of that doubling
	 */
	record Limit(int maxFailures, Duration window, Duration lock, Duration maxLock) {
	}

}
