package com.mclass.enrollment.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live updates over Server-Sent Events ({@code mclass.live.*}).
 *
 * @param channel the Redis pub/sub channel every replica listens on
 * @param consumerGroup the Kafka group that turns enrollment events into live events (one replica handles each)
 * @param heartbeat a comment line on every stream this often, so proxies keep idle streams open
 * @param availabilityInterval the most often a class's {@code availability} event is sent (only while it changes)
 * @param queueInterval how often queue positions are refreshed for the streams of a class with a line
 * @param streamTimeout a stream is closed after this long; the client reconnects (and its token is checked again)
 * @param reconnectDelay the {@code retry:} hint sent to clients
 * @param logLength enrollment events kept per student and class for {@code Last-Event-ID}
 * @param logTtl how long such a log is kept after its last event
 * @param maxStreams streams one replica holds at most; more are answered 503 with {@code Retry-After} (each stream
 * holds heap, and a replica out of heap stops enrolling too). Size it to the heap: load-tests/README.md has the
 * measured cost per stream
 */
@ConfigurationProperties("mclass.live")
public record LiveProperties(@DefaultValue("mclass:live:events") String channel,
		@DefaultValue("enrollment-service-live") String consumerGroup, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("500ms") Duration availabilityInterval, @DefaultValue("1s") Duration queueInterval,
		@DefaultValue("30m") Duration streamTimeout, @DefaultValue("2s") Duration reconnectDelay,
		@DefaultValue("50") int logLength, @DefaultValue("24h") Duration logTtl, @DefaultValue("2500") int maxStreams) {
}
