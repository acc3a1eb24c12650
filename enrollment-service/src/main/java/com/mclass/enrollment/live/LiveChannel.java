package com.mclass.enrollment.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
		return container;
	}

}
