package com.mclass.auth.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import com.mclass.platform.web.security.RevokedSessions;

/**
 * Refresh-token families in Redis. A session ({@code sid}) is a family: one login, one absolute expiry. Each refresh
 * token is 256 random bits, handed out once and stored only as its SHA-256. Rotation marks the presented token used
 * and issues the next one in the same family; presenting a used token again means it was stolen (or replayed), so
 * the whole family ends and its access tokens are refused through the revoked-session key.
 * <p>
 * Keys: {@code mclass:auth:session:<sid>} (hash: uid, exp, current) and {@code mclass:auth:refresh:<sha256>} (hash:
 * sid, uid, used), both expiring with the family. An ended family is listed for the resource servers in
 * {@code mclass:session:revoked:<sid>} and in the sorted set {@code mclass:session:revocations} (see
 * {@link RevokedSessions}). {@code mclass:auth:user-sessions:<uid>} lists a user's session ids, so that all of them
 * can be ended at once (role change, disabling, password reset, logout everywhere). Each step is one Lua script, so two concurrent refreshes with one token cannot both
 * rotate. The scripts build keys from arguments, which assumes a single Redis node (or a non-cluster replication
 * group), as ElastiCache is deployed here.
 */
class RefreshTokens {

	static final String SESSION_PREFIX = "mclass:auth:session:";

	static final String TOKEN_PREFIX = "mclass:auth:refresh:";

	/** The set of a user's session ids, so that all of them can be ended at once. */
	static final String USER_SESSIONS_PREFIX = "mclass:auth:user-sessions:";

	/** A user's set of sessions is pruned of ended ones when it grows past this. */
	private static final int PRUNE_ABOVE = 32;

	private static final RedisScript<Long> START = new DefaultRedisScript<>("""
			redis.call('HSET', KEYS[1], 'uid', ARGV[1], 'exp', ARGV[2], 'current', ARGV[3])
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			redis.call('HSET', KEYS[2], 'sid', ARGV[5], 'uid', ARGV[1], 'used', '0')
			redis.call('PEXPIRE', KEYS[2], ARGV[4])
			if redis.call('SCARD', KEYS[3]) > tonumber(ARGV[7]) then
			  for _, sid in ipairs(redis.call('SMEMBERS', KEYS[3])) do
			    if redis.call('EXISTS', ARGV[6] .. sid) == 0 then redis.call('SREM', KEYS[3], sid) end
			  end
			end
			redis.call('SADD', KEYS[3], ARGV[5])
			redis.call('PEXPIRE', KEYS[3], ARGV[4])
			return 1
			""", Long.class);

	/**
	 * Lists an ended session for the resource servers, in one script so they never see one without the other: the
	 * per-session key they look up, and an entry in the sorted set they mirror in memory, scored with Redis' own clock
	 * (the one their polls read by, so no writer's clock skew can hide an entry from a poll). Entries older than the
	 * key's TTL are trimmed, and the set itself expires one TTL after its newest entry. TIME before writes needs
	 * Redis 5 or later (effects replication).
	 */
	private static final String REVOKE = """
			local function revoke(revokedKey, revocations, sid, reason, ttl)
			  redis.call('SET', revokedKey, reason, 'PX', ttl)
			  local time = redis.call('TIME')
			  local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			  redis.call('ZADD', revocations, string.format('%.0f', now), sid)
			  redis.call('ZREMRANGEBYSCORE', revocations, '-inf', '(' .. string.format('%.0f', now - tonumber(ttl)))
			  redis.call('PEXPIRE', revocations, ttl)
			end
			""";

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ROTATE = new DefaultRedisScript<>(REVOKE + """
			local token = redis.call('HMGET', KEYS[1], 'sid', 'uid', 'used')
			if not token[1] then return {'UNKNOWN'} end
			local sid, uid = token[1], token[2]
			local session = ARGV[4] .. sid
			if token[3] == '1' then
			  redis.call('DEL', session)
			  revoke(ARGV[5] .. sid, KEYS[2], sid, 'refresh-token-reused', ARGV[3])
			  return {'REUSED', sid, uid}
			end
			local exp = redis.call('HGET', session, 'exp')
			if not exp then return {'ENDED', sid, uid} end
			local remaining = tonumber(exp) - tonumber(ARGV[2])
			if remaining <= 0 then return {'ENDED', sid, uid} end
			redis.call('HSET', KEYS[1], 'used', '1')
			local next = ARGV[6] .. ARGV[1]
			redis.call('HSET', next, 'sid', sid, 'uid', uid, 'used', '0')
			redis.call('PEXPIRE', next, remaining)
			redis.call('HSET', session, 'current', ARGV[1])
			return {'ROTATED', sid, uid}
			""", List.class);

	private static final RedisScript<Long> END = new DefaultRedisScript<>(REVOKE + """
			local uid = redis.call('HGET', KEYS[1], 'uid')
			if uid then redis.call('SREM', ARGV[4] .. uid, ARGV[3]) end
			redis.call('DEL', KEYS[1])
			revoke(KEYS[2], KEYS[3], ARGV[3], ARGV[1], ARGV[2])
			return 1
			""", Long.class);

	/**
	 * Ends every session of a user: each one's refresh tokens stop working (their family is gone) and its access
	 * tokens are listed as revoked. KEYS: the user's session set, the revocations set; ARGV: reason, revoked-key TTL,
	 * session prefix, revoked-key prefix. Returns how many sessions were ended.
	 */
	private static final RedisScript<Long> END_ALL = new DefaultRedisScript<>(REVOKE + """
			local sids = redis.call('SMEMBERS', KEYS[1])
			for _, sid in ipairs(sids) do
			  redis.call('DEL', ARGV[3] .. sid)
			  revoke(ARGV[4] .. sid, KEYS[2], sid, ARGV[1], ARGV[2])
			end
			redis.call('DEL', KEYS[1])
			return #sids
			""", Long.class);

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final Duration familyTtl;

	private final Duration revokedKeyTtl;

	private final SecureRandom random = new SecureRandom();

	RefreshTokens(StringRedisTemplate redis, Clock clock, Duration familyTtl, Duration revokedKeyTtl) {
		this.redis = redis;
		this.clock = clock;
		this.familyTtl = familyTtl;
		this.revokedKeyTtl = revokedKeyTtl;
	}

	/** Starts a family for {@code userId}; returns its first refresh token. */
	Started start(UUID userId) {
		String sessionId = UUID.randomUUID().toString();
		String token = newToken();
		long expiresAt = this.clock.millis() + this.familyTtl.toMillis();
		this.redis.execute(START,
				List.of(SESSION_PREFIX + sessionId, TOKEN_PREFIX + hash(token), USER_SESSIONS_PREFIX + userId),
				userId.toString(), Long.toString(expiresAt), hash(token), Long.toString(this.familyTtl.toMillis()), sessionId,
				SESSION_PREFIX, Integer.toString(PRUNE_ABOVE));
		return new Started(sessionId, token);
	}

	/** Exchanges {@code presented} for the next token of its family. */
	Rotation rotate(String presented) {
		String next = newToken();
		List<?> result = this.redis.execute(ROTATE,
				List.of(TOKEN_PREFIX + hash(presented), RevokedSessions.REVOCATIONS_KEY), hash(next),
				Long.toString(this.clock.millis()), Long.toString(this.revokedKeyTtl.toMillis()), SESSION_PREFIX,
				RevokedSessions.redisKey(""), TOKEN_PREFIX);
		if (result == null || result.isEmpty()) {
			return new Rotation(Rotation.Outcome.UNKNOWN, null, null, null);
		}
		Rotation.Outcome outcome = Rotation.Outcome.valueOf(String.valueOf(result.get(0)));
		String sessionId = (result.size() > 1) ? String.valueOf(result.get(1)) : null;
		UUID userId = (result.size() > 2) ? UUID.fromString(String.valueOf(result.get(2))) : null;
		return new Rotation(outcome, sessionId, userId, (outcome == Rotation.Outcome.ROTATED) ? next : null);
	}

	/** Ends a family: its refresh tokens stop working and its access tokens are refused everywhere. */
	void end(String sessionId, String reason) {
		this.redis.execute(END, List.of(SESSION_PREFIX + sessionId, RevokedSessions.redisKey(sessionId),
				RevokedSessions.REVOCATIONS_KEY), reason, Long.toString(this.revokedKeyTtl.toMillis()), sessionId,
				USER_SESSIONS_PREFIX);
	}

	/** Ends every session of {@code userId}; returns how many there were. */
	long endAll(UUID userId, String reason) {
		Long ended = this.redis.execute(END_ALL, List.of(USER_SESSIONS_PREFIX + userId, RevokedSessions.REVOCATIONS_KEY), reason,
				Long.toString(this.revokedKeyTtl.toMillis()), SESSION_PREFIX, RevokedSessions.redisKey(""));
		return (ended != null) ? ended : 0;
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Started(String sessionId, String refreshToken) {
	}

	/** What became of a presented refresh token. */
	record Rotation(Outcome outcome, String sessionId, UUID userId, String nextToken) {

		enum Outcome {

			/** Valid: {@code nextToken} replaces it. */
			ROTATED,
			/** Never issued, or its family expired long ago. */
			UNKNOWN,
			/** Already used once: the family is now revoked. */
			REUSED,
			/** Its family was ended (logout, reuse) or reached its absolute expiry. */
			ENDED

		}

	}

}
