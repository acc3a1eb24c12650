package com.mclass.enrollment.queue;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves every line forward: each replica runs the admission step of every class with a line every
 * {@code admit-interval}. The step is one script on Redis' clock, so replicas running it at the same time admit
 * nobody twice and nobody out of order; with one replica down the others go on.
 */
@Component
class Admitter {

	private static final Logger log = LoggerFactory.getLogger(Admitter.class);

	private final WaitingRoom room;

	Admitter(WaitingRoom room) {
		this.room = room;
	}

	@Scheduled(fixedDelayString = "${mclass.queue.admit-interval:200ms}")
	void admitEveryLine() {
		try {
			for (String classId : this.room.classesWithALine()) {
				this.room.admit(UUID.fromString(classId));
			}
		}
		catch (QueueUnavailable ex) {
			log.debug("Admission step skipped: Redis unavailable", ex);
		}
		catch (RuntimeException ex) {
			log.warn("Admission step failed", ex);
		}
	}

}
