package com.mclass.classes.mclass;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import com.mclass.platform.test.Ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Announcing a list change is best effort: a Redis outage must not fail the change it announces. */
@ExtendWith(OutputCaptureExtension.class)
class ClassListChangesTests {

	@Test
	void aRedisOutageWhileAnnouncingAChangeDoesNotFailItAndIsLoggedOnce(CapturedOutput output) {
		LettuceConnectionFactory deadRedis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", Ports.free()));
		deadRedis.afterPropertiesSet();
		deadRedis.start();
		try {
			StringRedisTemplate template = new StringRedisTemplate(deadRedis);
			assertThatThrownBy(() -> template.convertAndSend("any", "")).as("no Redis on that port")
				.isInstanceOf(RedisConnectionFailureException.class);
			ClassListSnapshot list = new ClassListSnapshot(null, Clock.systemUTC(), Duration.ofSeconds(1), 5_000,
					new ClassListChanges(template, "mclass:classes:list-changed"));

			TransactionSynchronizationManager.initSynchronization();
			try {
				list.changedAfterCommit();
				// What the transaction manager does right after a commit, in the writing request's thread: an exception
				// here would answer the admin with a 500 for a change that was made.
				assertThatNoException().isThrownBy(TransactionSynchronizationUtils::triggerAfterCommit);
			}
			finally {
				TransactionSynchronizationManager.clearSynchronization();
			}
			assertThatNoException().as("without a transaction").isThrownBy(list::changedAfterCommit);
		}
		finally {
			deadRedis.destroy();
		}
		assertThat(output.getAll().split("Could not announce class list change", -1)).as("one warning per failure").hasSize(3);
		assertThat(output.getAll()).contains("Could not announce class list change 1 on mclass:classes:list-changed")
			.contains("Could not announce class list change 2 on mclass:classes:list-changed")
			.contains("RedisConnectionFailureException");
	}

}
