package com.mclass.gateway.classlist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's copy of the public class list.
 *
 * @param ttl the longest an answer is kept, however long class-service's {@code max-age} allows; {@code 0} turns the
 * copy off (every request goes to class-service, as before)
 * @param maxEntries answers kept (one per query string); beyond it the least used are dropped
 * @param maxBodySize larger answers are passed on without being kept
 * @param changedChannel the Redis channel class-service announces every class change on: each message drops the copy
 * @param staleIfError how long after it was received an answer is still served, marked stale ({@code Age},
 * {@code max-age=0}), when class-service cannot be reached, instead of a 502/503/504; {@code 0} turns it off
 */
@ConfigurationProperties("mclass.gateway.class-list-cache")
record ClassListCacheProperties(@DefaultValue("1s") Duration ttl, @DefaultValue("1000") int maxEntries,
		@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("mclass:classes:list-changed") String changedChannel,
		@DefaultValue("10m") Duration staleIfError) {

	boolean enabled() {
		return !this.ttl.isNegative() && !this.ttl.isZero() && this.maxEntries > 0;
	}

}
