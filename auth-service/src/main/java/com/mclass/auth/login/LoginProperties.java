package com.mclass.auth.login;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies addresses or CIDR ranges whose {@code X-Forwarded-For} is believed (the gateway's); anyone
 * else's header is ignored, so a client cannot pick the address it is throttled by
 * @param account throttling of failed logins per account (e-mail)
 * @param ip throttling of failed logins per client address, looser because many users may share one (NAT, campus)
 */
@ConfigurationProperties("mclass.auth.login")
record LoginProperties(@DefaultValue({ "127.0.0.0/8", "::1" }) List<String> trustedProxies,
		@DefaultValue({ "5", "15m", "1m", "15m" }) Limit account, @DefaultValue({ "50", "15m", "1m", "15m" }) Limit ip) {

	/**
	 * @param maxFailures failures within {@code window} after which attempts are refused
	 * @param window how long a failure counts
	 * @param lock how long attempts are refused after reaching {@code maxFailures}; doubled at each further failure
	 * @param maxLock the cap of that doubling, so a victim whose account is attacked is never locked out longer
	 */
	record Limit(int maxFailures, Duration window, Duration lock, Duration maxLock) {
	}

}
