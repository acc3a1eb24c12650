package com.mclass.enrollment.live;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Every replica listens on the live channel and hands each event to its own streams. */
@Configuration(proxyBeanMethods = false)
class LiveChannel {

	private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);

	@Bean
	RedisMessageListenerContainer liveEventsListener(RedisConnectionFactory connections, LiveStreams streams,
			LiveProperties properties, JsonMapper json) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		// Started by LiveChannelStarter, not with the context: Redis unreachable at start must not stop the service
		// from starting (enrolling works without Redis), and the channel is joined as soon as Redis answers.
		container.setAutoStartup(false);
		container.addMessageListener((Message message, byte[] pattern) -> {
			try {
				JsonNode event = json.readTree(message.getBody());
				UUID classId = UUID.fromString(event.path("classId").asString());
				String data = event.path("data").asString();
				if ("enrollment".equals(event.path("kind").asString())) {
					streams.enrollment(classId, UUID.fromString(event.path("userId").asString()), event.path("id").asString(), data);
				}
				else if ("availability".equals(event.path("kind").asString())) {
					streams.availability(classId, data);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Live event not delivered: {}", ex.toString());
			}
		}, new ChannelTopic(properties.channel()));
		return container;
	}

}
