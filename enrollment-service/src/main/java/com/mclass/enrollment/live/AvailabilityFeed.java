package com.mclass.enrollment.live;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mclass.enrollment.seat.ClassAdopted;

/**
 * {@code availability} events: a class whose seats changed (an enrollment event, a class update) is read from the
 * ledger once per {@code availability-interval} at most and published to every replica's streams. One read per class
 * and interval, however many streams watch it.
 */
@Component
class AvailabilityFeed {

	private static final Logger log = LoggerFactory.getLogger(AvailabilityFeed.class);

	private final Set<UUID> changed = ConcurrentHashMap.newKeySet();

	private final LiveStreams streams;

	private final StringRedisTemplate redis;

	private final LiveProperties properties;

	AvailabilityFeed(LiveStreams streams, StringRedisTemplate redis, LiveProperties properties) {
		this.streams = streams;
		this.redis = redis;
		this.properties = properties;
	}

	void changed(UUID classId) {
		this.changed.add(classId);
	}

	@EventListener
	void on(ClassAdopted adopted) {
		changed(adopted.classId());
	}

	@Scheduled(fixedDelayString = "${mclass.live.availability-interval:500ms}")
	void publishChanges() {
		for (Iterator<UUID> it = this.changed.iterator(); it.hasNext();) {
			UUID classId = it.next();
			it.remove();
			try {
				String data = this.streams.write(this.streams.availabilityOf(classId, true));
				this.redis.convertAndSend(this.properties.channel(), this.streams.write(Map.of("kind", "availability",
						"classId", classId.toString(), "data", data)));
			}
			catch (RuntimeException ex) {
				log.debug("Availability of class {} not published", classId, ex);
			}
		}
	}

}
