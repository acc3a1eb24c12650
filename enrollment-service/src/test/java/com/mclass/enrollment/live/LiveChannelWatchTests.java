package com.mclass.enrollment.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class LiveChannelWatchTests {

	private final RedisMessageListenerContainer container = mock();

	private final LiveEventsListener listener = mock();

	private final StringRedisTemplate redis = mock();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final JsonMapper json = JsonMapper.builder().build();

	private LiveChannelWatch watch;

	@BeforeEach
	void aReplicaOnTheChannel() {
		LiveProperties properties = new LiveProperties("mclass:live:events", "group", null, null, null, null, null, 50, null, 100, null);
		this.watch = new LiveChannelWatch(this.container, this.listener, this.redis, properties, this.json, this.meters);
		given(this.container.isRunning()).willReturn(true);
		given(this.listener.replica()).willReturn("replica-1");
	}

	@Test
	void aReplicaThatHearsItsPingsStaysOnTheChannel() {
		// Every ping published is heard back before the next check.
		willAnswer((call) -> {
			given(this.listener.lastPingHeard()).willReturn(this.json.readTree(call.getArgument(1, String.class)).path("ping").asString());
			return 1L;
		}).given(this.redis).convertAndSend(anyString(), anyString());
		for (int i = 0; i < 10; i++) {
			this.watch.check();
		}
		verify(this.container, never()).stop();
		assertThat(this.meters.counter("mclass.live.channel.rejoins").count()).isZero();
	}

	@Test
	void aReplicaThatNoLongerHearsItsPingsRejoinsTheChannel() {
		given(this.redis.convertAndSend(anyString(), anyString())).willReturn(1L);
		this.watch.check(); // ping 1
		this.watch.check(); // ping 1 unheard, ping 2
		verify(this.container, never()).stop();
		this.watch.check(); // ping 2 unheard too: rejoin
		verify(this.container).stop();
		verify(this.container).start();
		assertThat(this.meters.counter("mclass.live.channel.rejoins").count()).isEqualTo(1);
	}

	@Test
	void whileRedisIsUnreachableNothingIsConcludedFromSilence() {
		willThrow(new RedisConnectionFailureException("down")).given(this.redis).convertAndSend(anyString(), anyString());
		for (int i = 0; i < 10; i++) {
			this.watch.check();
		}
		verify(this.container, never()).stop();
		assertThat(this.meters.counter("mclass.live.channel.rejoins").count()).isZero();
	}

	@Test
	void aContainerNotRunningIsStartedAndStoppedAgainIfItCannotJoin() {
		given(this.container.isRunning()).willReturn(false);
		willThrow(new IllegalStateException("Subscription registration timeout exceeded")).given(this.container).start();
		this.watch.check();
		this.watch.check();
		verify(this.container, times(2)).start();
		verify(this.container, times(2)).stop();
	}

}
