package com.mclass.classes.mclass;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Classes by id in Redis, shared by every replica: {@code GET /api/mclasses/{id}} is the most-hit read of the platform.
 * <p>
 * Each entry carries the class version it was read at, and an entry is only ever replaced by a newer version (a Lua
 * compare-and-set). That closes the usual cache-aside race: a reader that loaded version 3 just before an admin's
 * commit of version 4 cannot overwrite the version 4 the admin's request wrote after its commit. Deletion writes a
 * tombstone with its own (newer) version, so deleted classes answer 404 from the cache too. The TTL bounds the damage
 * if a post-commit write is lost (Redis briefly unreachable). Redis failures never fail a read: the database answers.
 */
@Component
class ClassCache {

	private static final Logger log = LoggerFactory.getLogger(ClassCache.class);

	private static final String TOMBSTONE = "";

	/** Stored value: {@code <version>:<json>}, or {@code <version>:} for a deleted class. */
	private static final RedisScript<Long> PUT_IF_NEWER = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current then
			  local stored = tonumber(string.match(current, '^(%d+):'))
			  if stored and stored >= tonumber(ARGV[1]) then
			    return 0
			  end
			end
			redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final String keyPrefix;

	private final Duration ttl;

	private final boolean enabled;

	private final Counter hits;

	private final Counter misses;

	private final Counter failures;

	ClassCache(StringRedisTemplate redis, JsonMapper json,
			@Value("${mclass.classes.cache.key-prefix:mclass:class-service:class:v1:}") String keyPrefix,
			@Value("${mclass.classes.cache.ttl:10m}") Duration ttl, @Value("${mclass.classes.cache.enabled:true}") boolean enabled,
			MeterRegistry meters) {
		this.redis = redis;
		this.json = json;
		this.keyPrefix = keyPrefix;
		this.ttl = ttl;
		this.enabled = enabled;
		this.hits = requests(meters, "hit");
		this.misses = requests(meters, "miss");
		this.failures = requests(meters, "error");
	}

	private static Counter requests(MeterRegistry meters, String result) {
		return Counter.builder("mclass.classes.cache.requests")
			.description("Lookups of a class by id in the Redis cache")
			.tag("result", result)
			.register(meters);
	}

	/** What the cache knows about a class. */
	record Entry(boolean known, ClassView view) {

		static final Entry UNKNOWN = new Entry(false, null);

		static final Entry DELETED = new Entry(true, null);

		boolean deleted() {
			return this.known && this.view == null;
		}

	}

	Entry read(UUID id) {
		if (!this.enabled) {
			return Entry.UNKNOWN;
		}
		try {
			String value = this.redis.opsForValue().get(key(id));
			if (value == null) {
				this.misses.increment();
				return Entry.UNKNOWN;
			}
			this.hits.increment();
			String payload = value.substring(value.indexOf(':') + 1);
			return payload.isEmpty() ? Entry.DELETED : new Entry(true, this.json.readValue(payload, ClassView.class));
		}
		catch (RuntimeException ex) {
			this.failures.increment();
			log.warn("Class cache read failed for {}; reading the database", id, ex);
			return Entry.UNKNOWN;
		}
	}

	/** Stores what was just read from the database, unless the cache already holds that version or a newer one. */
	void store(UUID id, long version, ClassView viewOrNullWhenDeleted) {
		if (!this.enabled) {
			return;
		}
		try {
			String payload = (viewOrNullWhenDeleted != null) ? this.json.writeValueAsString(viewOrNullWhenDeleted) : TOMBSTONE;
			this.redis.execute(PUT_IF_NEWER, List.of(key(id)), Long.toString(version), payload, Long.toString(this.ttl.toMillis()));
		}
		catch (RuntimeException ex) {
			this.failures.increment();
			log.warn("Class cache write failed for {}; the entry expires within {}", id, this.ttl, ex);
		}
	}

	/**
	 * Stores the state a write produced once its transaction commits: never before, or a rolled-back change could be
	 * served; and in the writing request, so that the admin's next read (on any replica) sees the change.
	 */
	void storeAfterCommit(UUID id, long version, ClassView viewOrNullWhenDeleted) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				store(id, version, viewOrNullWhenDeleted);
			}
		});
	}

	private String key(UUID id) {
		return this.keyPrefix + id;
	}

}
