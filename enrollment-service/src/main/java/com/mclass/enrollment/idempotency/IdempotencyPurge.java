package com.mclass.enrollment.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired Idempotency-Key records every {@code mclass.idempotency.purge-interval}. Every replica may run it;
 * concurrent purges only delete the same rows once.
 */
@Component
class IdempotencyPurge {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

	private final IdempotencyRecords records;

	IdempotencyPurge(IdempotencyRecords records) {
		this.records = records;
	}

	@Scheduled(fixedDelayString = "${mclass.idempotency.purge-interval:10m}", initialDelayString = "${mclass.idempotency.purge-interval:10m}")
	void purge() {
		try {
			int deleted = this.records.purgeExpired();
			if (deleted > 0) {
				log.info("Purged {} expired idempotency records", deleted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not purge expired idempotency records; retrying at the next interval", ex);
		}
	}

}
