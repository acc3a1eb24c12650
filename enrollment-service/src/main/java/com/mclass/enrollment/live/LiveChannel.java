package com.mclass.enrollment.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Every replica listens on the live channel and hands each event to its own streams. */
@Configuration(proxyBeanMethods = false)
class LiveChannel {

	@Bean
	RedisMessageListenerContainer liveChannelContainer(RedisConnectionFactory connections, LiveEventsListener listener,
			LiveProperties properties) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		// Started by LiveChannelWatch, not with the context: Redis unreachable at start must not stop the service from
		// starting (enrolling works without Redis), and the channel is joined as soon as Redis answers.
		container.setAutoStartup(false);
		container.addMessageListener(listener, new ChannelTopic(properties.channel()));
		// Each message is handed to the listener on a thread of its own, so that one stream's slow client (a blocking
		// write) never holds the others; by default a new platform thread per message, one per seat taken in a rush
		// (4,109 thread starts in a 100-s seats bench). A virtual thread costs about a microsecond instead.
		SimpleAsyncTaskExecutor dispatch = new SimpleAsyncTaskExecutor("live-channel-");
		dispatch.setVirtualThreads(true);
		container.setTaskExecutor(dispatch);
		return container;
	}

}
