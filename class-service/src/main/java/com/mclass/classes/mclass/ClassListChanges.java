package com.mclass.classes.mclass;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the gateways that the class list changed: one Redis pub/sub message on
 * {@code mclass.classes.list-changed-channel} after every committed create, revision or deletion of a class. The
 * gateways keep the anonymous list in memory for up to its {@code max-age}; on this message they drop their copies at
 * once instead of serving a list without the change until the copy expires.
 * <p>
 * The message body is this replica's change count after the change (1, 2, 3, ... since it started): per replica, so a
 * trace for logs, not an order; any message means "drop the list". Best effort: a Redis failure never fails the change
 * (it is committed already); it is logged and the gateways' copies expire within their max-age.
 */
@Component
class ClassListChanges {

	private static final Logger log = LoggerFactory.getLogger(ClassListChanges.class);

	private final StringRedisTemplate redis;

	private final String channel;

	ClassListChanges(StringRedisTemplate redis,
			@Value("${mclass.classes.list-changed-channel:mclass:classes:list-changed}") String channel) {
		this.redis = redis;
		this.channel = channel;
	}

	/** Announces a committed change; {@code changeCount}: this replica's count of committed changes, this one included. */
	void announce(long changeCount) {
		try {
			this.redis.convertAndSend(this.channel, Long.toString(changeCount));
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce class list change {} on {}; the gateways' copies expire within their max-age",
					changeCount, this.channel, ex);
		}
	}

}
