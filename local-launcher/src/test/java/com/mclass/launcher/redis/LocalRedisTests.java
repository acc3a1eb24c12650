package com.mclass.launcher.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import com.mclass.launcher.net.LocalPorts;

class LocalRedisTests {

	@Test
	void startsAnEmbeddedRedisThatAnswersPingAndStopsIt() {
		RedisSettings settings = new RedisSettings("127.0.0.1", 6379, true, 0).withEmbeddedServer(0);
		int port;
		try (LocalRedis redis = LocalRedis.reuseOrStart(settings)) {
			port = redis.port();
			assertThat(redis.isEmbedded()).isTrue();
			assertThat(port).isNotEqualTo(6379);
			assertThat(LocalRedis.ping("127.0.0.1", port)).isEqualTo("+PONG");
		}
		assertThat(LocalPorts.isFree(port)).isTrue();
		assertThat(LocalRedis.ping("127.0.0.1", port)).isNull();
	}

	@Test
	void reusesARedisThatAlreadyAnswers() {
		assumeTrue("+PONG".equals(LocalRedis.ping("127.0.0.1", 6379)), "no Redis on 127.0.0.1:6379");

		try (LocalRedis redis = LocalRedis.reuseOrStart(new RedisSettings("127.0.0.1", 6379, true, 0))) {
			assertThat(redis.isEmbedded()).isFalse();
			assertThat(redis.port()).isEqualTo(6379);
		}
		assertThat(LocalRedis.ping("127.0.0.1", 6379)).isEqualTo("+PONG");
	}

	@Test
	void startsAnEmbeddedRedisWhenNoneAnswers() {
		int nobody = LocalPorts.freePort();
		try (LocalRedis redis = LocalRedis.reuseOrStart(new RedisSettings("127.0.0.1", nobody, true, 0))) {
			assertThat(redis.isEmbedded()).isTrue();
			assertThat(LocalRedis.ping(redis.host(), redis.port())).isEqualTo("+PONG");
		}
	}

}
