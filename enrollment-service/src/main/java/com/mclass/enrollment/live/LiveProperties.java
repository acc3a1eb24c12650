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
 * holds heap, and a replica out of heap stops enrolling too). {@code 0} (the default): sized to the heap by
 * {@link #streamsFor(long)}
 * @param channelCheck how often a replica pings the channel to check it still hears it (it rejoins after two pings
 * unheard, catching its streams up) and retries joining while Redis is unreachable
 */
@ConfigurationProperties("mclass.live")
public record LiveProperties(@DefaultValue("mclass:live:events") String channel,
		@DefaultValue("enrollment-service-live") String consumerGroup, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("500ms") Duration availabilityInterval, @DefaultValue("1s") Duration queueInterval,
		@DefaultValue("30m") Duration streamTimeout, @DefaultValue("2s") Duration reconnectDelay,
		@DefaultValue("50") int logLength, @DefaultValue("24h") Duration logTtl, @DefaultValue("0") int maxStreams,
		@DefaultValue("2s") Duration channelCheck) {

	/** Measured (load-tests/README.md): ~100 KB of heap per stream, Tomcat's per-connection buffers mostly. */
	static final long HEAP_PER_STREAM = 128 * 1024;

	/** What the service needs besides its streams, a rush included. */
	static final long HEAP_FOR_THE_REST = 256 * 1024 * 1024;

	public LiveProperties {
		if (maxStreams < 0) {
			throw new IllegalArgumentException("mclass.live.max-streams must be 0 (sized to the heap) or more");
		}
		if (maxStreams == 0) {
			maxStreams = streamsFor(Runtime.getRuntime().maxMemory());
		}
	}

	/**
	 * Streams a heap of {@code maxHeap} bytes holds with room to spare: what is left after the rest of the service,
	 * at 128 KB each (measured ~100 KB; at 512 MB the service ran out of heap at ~3,700 streams). 512 MB: 2,048;
	 * 1 GB: 6,144.
	 */
	static int streamsFor(long maxHeap) {
		return (int) Math.max(100, (maxHeap - HEAP_FOR_THE_REST) / HEAP_PER_STREAM);
	}

}
