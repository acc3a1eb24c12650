package com.mclass.enrollment.idempotency;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redis unreachable: neither a refusal nor the database's claim of a key can be made, and it says so. */
class RedisIdempotencyRecordsOutageTests {

	@Test
	void anUnreachableRedisNeitherStoresARefusalNorLetsTheDatabaseDecide() throws Exception {
		int deadPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			deadPort = socket.getLocalPort();
		}
		LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", deadPort),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
		connections.afterPropertiesSet();
		try {
			RedisIdempotencyRecords records = new RedisIdempotencyRecords(new StringRedisTemplate(connections),
					new IdempotencyProperties(Duration.ofHours(24), Duration.ofMinutes(10)));
			IdempotentRequest request = IdempotentRequest.of(UUID.randomUUID(), "k", "POST", "/api/mclasses/x/enrollments", "{}");

			assertThatThrownBy(() -> records.claimForDatabase(request)).isInstanceOf(RedisIdempotencyRecords.RedisUnavailable.class);
			assertThatThrownBy(() -> records.storeRefusal(request, new StoredResponse(409, "{}")))
				.isInstanceOf(RedisIdempotencyRecords.RedisUnavailable.class);
		}
		finally {
			connections.destroy();
		}
	}

}
