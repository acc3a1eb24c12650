package com.mclass.enrollment.live;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.mclass.enrollment.queue.WaitingRoom;
import com.mclass.enrollment.seat.ClassSeats;
import com.mclass.enrollment.seat.KnownClasses;
import com.mclass.enrollment.seat.RecruitState;

/**
 * Every stream open on this replica, by class. Streams hold no thread (Servlet async): events are written by whoever
 * has one to send — the Redis pub/sub listener (enrollment and availability events from any replica), the queue
 * ticker, the heartbeat.
 */
@Component
public class LiveStreams {

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	private final Map<UUID, Set<Subscriber>> byClass = new ConcurrentHashMap<>();

	/** Streams held: each costs heap (Tomcat's buffers, the emitter), so there is a ceiling per replica. */
	private final AtomicInteger held = new AtomicInteger();

	private final Map<UUID, CachedAvailability> availability = new ConcurrentHashMap<>();

	/** Set at shutdown: no new stream would outlive it. */
	private volatile boolean closing;

	private final KnownClasses classes;

	private final WaitingRoom room;

	private final StringRedisTemplate redis;

	private final LiveProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	LiveStreams(KnownClasses classes, WaitingRoom room, StringRedisTemplate redis, LiveProperties properties, JsonMapper json,
			Clock clock, MeterRegistry meters) {
		this.classes = classes;
		this.room = room;
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		Gauge.builder("mclass.live.streams", this, LiveStreams::open).description("Live (SSE) streams open on this replica")
			.register(meters);
	}

	/**
	 * Opens a stream on a class that exists: the current availability at once, then for a signed-in student their queue
	 * place and the enrollment events after {@code lastEventId} (or their latest one), then whatever happens.
	 */
	public SseEmitter open(UUID classId, UUID userId, String lastEventId) {
		if (this.closing) {
			log.debug("Answered 503: this replica is shutting down");
			throw new LiveStreamRefused();
		}
		Availability current = availabilityOf(classId, false);
		if (this.held.incrementAndGet() > this.properties.maxStreams()) {
			this.held.decrementAndGet();
			// Refused before anything is held: a replica full of streams must not run out of heap (it did, at ~3,700
			// streams in 512 MB, taking enrolling down with it). The client reconnects after Retry-After, to a replica
			// with room.
			log.debug("Answered 503: this replica holds its maximum of {} live streams", this.properties.maxStreams());
			throw new LiveStreamRefused();
		}
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		Subscriber subscriber = new Subscriber(emitter, classId, userId);
		emitter.onCompletion(() -> remove(subscriber));
		emitter.onTimeout(() -> {
			remove(subscriber);
			emitter.complete();
		});
		emitter.onError((ex) -> remove(subscriber));
		// Registered before the log is read: an event arriving in between is sent once (Subscriber skips older ids).
		this.byClass.computeIfAbsent(classId, (id) -> ConcurrentHashMap.newKeySet()).add(subscriber);
		subscriber.send(SseEmitter.event().reconnectTime(this.properties.reconnectDelay().toMillis()).comment("mclass live"));
		subscriber.send(SseEmitter.event().name("availability").data(write(current), MediaType.APPLICATION_JSON));
		if (userId != null) {
			if (lastEventId != null) {
				subscriber.resumedAfter(lastEventId);
			}
			replay(subscriber, lastEventId);
			refreshQueue(classId, List.of(subscriber));
		}
		return emitter;
	}

	int open() {
		return this.held.get();
	}

	/** An enrollment event from the pub/sub channel: to the streams of that student on that class. */
	void enrollment(UUID classId, UUID userId, String id, String data) {
		Set<Subscriber> subscribers = this.byClass.get(classId);
		if (subscribers == null) {
			return;
		}
		for (Subscriber subscriber : subscribers) {
			if (userId.equals(subscriber.userId())) {
				subscriber.sendEnrollment(id, data);
			}
		}
	}

	/** An availability event from the pub/sub channel: to every stream of the class. */
	void availability(UUID classId, String data) {
		Set<Subscriber> subscribers = this.byClass.get(classId);
		if (subscribers == null) {
			return;
		}
		for (Subscriber subscriber : subscribers) {
			subscriber.send(SseEmitter.event().name("availability").data(data, MediaType.APPLICATION_JSON));
		}
	}

	/** The class's availability, from a copy at most one interval old unless {@code fresh}. */
	Availability availabilityOf(UUID classId, boolean fresh) {
		long now = this.clock.millis();
		CachedAvailability cached = this.availability.get(classId);
		if (!fresh && cached != null && now - cached.at() < this.properties.availabilityInterval().toMillis()) {
			return cached.value();
		}
		ClassSeats seats = this.classes.require(classId);
		Availability value = new Availability(seats.capacity(), seats.waitlistCapacity(), seats.approved(), seats.waitlisted(),
				seats.seatsLeft(), seats.waitlistLeft(), seats.recruitState(this.clock.instant()), seats.offered());
		this.availability.put(classId, new CachedAvailability(value, now));
		return value;
	}

	String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	@Scheduled(fixedDelayString = "${mclass.live.heartbeat:15s}")
	void heartbeat() {
		for (Set<Subscriber> subscribers : this.byClass.values()) {
			for (Subscriber subscriber : subscribers) {
				subscriber.send(SseEmitter.event().comment("heartbeat"));
			}
		}
	}

	/** Queue places of the signed-in streams, per class: a few Redis reads per class, whatever the number of streams. */
	@Scheduled(fixedDelayString = "${mclass.live.queue-interval:1s}")
	void refreshQueues() {
		this.byClass.forEach((classId, subscribers) -> {
			List<Subscriber> signedIn = subscribers.stream().filter((s) -> s.userId() != null).toList();
			if (!signedIn.isEmpty()) {
				refreshQueue(classId, signedIn);
			}
		});
	}

	private void refreshQueue(UUID classId, List<Subscriber> subscribers) {
		try {
			WaitingRoom.Head head = this.room.head(classId);
			long now = this.clock.millis();
			for (int from = 0; from < subscribers.size(); from += 500) {
				List<Subscriber> chunk = subscribers.subList(from, Math.min(subscribers.size(), from + 500));
				List<WaitingRoom.Held> held = this.room.held(classId, chunk.stream().map(Subscriber::userId).toList());
				for (int i = 0; i < chunk.size(); i++) {
					QueueView view = QueueView.of(head, held.get(i), now);
					chunk.get(i).sendQueue(view, write(view));
				}
			}
		}
		catch (RuntimeException ex) {
			log.debug("Queue places of class {} not refreshed", classId, ex);
		}
	}

	/**
	 * After this replica (re)joined the live channel: whatever it missed meanwhile, from the students' logs (enrollment
	 * events after the last each stream was sent) and the ledger (availability). Pub/sub keeps nothing for a listener
	 * that was away, the logs do. One log read per signed-in stream, and only on a (re)join.
	 */
	void catchUp() {
		this.byClass.forEach((classId, subscribers) -> {
			try {
				availability(classId, write(availabilityOf(classId, true)));
				for (Subscriber subscriber : subscribers) {
					if (subscriber.userId() != null) {
						replay(subscriber, subscriber.lastEnrollmentEventId());
					}
				}
			}
			catch (RuntimeException ex) {
				log.debug("Streams of class {} not caught up", classId, ex);
			}
		});
	}

	private void replay(Subscriber subscriber, String lastEventId) {
		String key = EnrollmentEventsFeed.logKey(subscriber.classId(), subscriber.userId());
		try {
			List<MapRecord<String, Object, Object>> records;
			if (lastEventId != null) {
				records = this.redis.opsForStream()
					.range(key, Range.rightUnbounded(Range.Bound.exclusive(lastEventId)), Limit.limit().count(this.properties.logLength()));
			}
			else {
				// No resume point: the latest status is enough to start from.
				records = new ArrayList<>(this.redis.opsForStream().reverseRange(key, Range.unbounded(), Limit.limit().count(1)));
			}
			if (records != null) {
				for (MapRecord<String, Object, Object> record : records) {
					subscriber.sendEnrollment(record.getId().getValue(), String.valueOf(record.getValue().get("event")));
				}
			}
		}
		catch (RuntimeException ex) {
			log.debug("Enrollment events of {} on class {} not replayed", subscriber.userId(), subscriber.classId(), ex);
		}
	}

	/** Ends every stream of this replica (shutdown): clients reconnect with Last-Event-ID, to a replica that stays. */
	void closeAll() {
		this.closing = true;
		for (Set<Subscriber> subscribers : this.byClass.values()) {
			for (Subscriber subscriber : subscribers) {
				remove(subscriber);
				subscriber.complete();
			}
		}
	}

	private void remove(Subscriber subscriber) {
		subscriber.close();
		Set<Subscriber> subscribers = this.byClass.get(subscriber.classId());
		if (subscribers != null) {
			if (subscribers.remove(subscriber)) {
				this.held.decrementAndGet();
			}
			if (subscribers.isEmpty()) {
				this.byClass.remove(subscriber.classId(), subscribers);
			}
		}
	}

	/** Seats and waitlist places left, as {@code GET …/availability} answers them; {@code offered} seats are held for waiting students who were offered them. */
	record Availability(int capacity, int waitlistCapacity, int approved, int waitlisted, int seatsLeft, int waitlistLeft,
			RecruitState recruitState, int offered) {
	}

	private record CachedAvailability(Availability value, long at) {
	}

	/**
	 * A student's place as the live stream shows it: {@code active} whether the room is on; with a ticket its place,
	 * else nulls.
	 */
	record QueueView(boolean active, String ticket, Long position, Long aheadOfYou, Boolean admitted, Instant admissionExpiresAt,
			Boolean expired) {

		static QueueView of(WaitingRoom.Head head, WaitingRoom.Held held, long now) {
			if (held == null) {
				return new QueueView(head.active(), null, null, null, null, null, null);
			}
			boolean admitted = held.seq() <= head.head();
			if (!admitted) {
				long position = held.seq() - head.head();
				return new QueueView(head.active(), held.ticket(), position, position - 1, false, null, false);
			}
			boolean expired = held.admissionExpiresAt() <= now;
			return new QueueView(head.active(), held.ticket(), 0L, 0L, !expired,
					(held.admissionExpiresAt() > 0) ? Instant.ofEpochMilli(held.admissionExpiresAt()) : null, expired);
		}

	}

}
