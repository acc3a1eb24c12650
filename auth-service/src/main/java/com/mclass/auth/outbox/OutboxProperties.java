package com.mclass.auth.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The same keys as platform-events, so that moving to the library keeps the configuration.
 *
 * @param relayEnabled whether this instance moves rows to Kafka (every replica may; one at a time does)
 * @param pollInterval how often the relay looks for rows when no commit woke it up
 * @param batchSize rows published per relay transaction
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch
 * @param retention how long published rows are kept before being deleted
 */
@ConfigurationProperties("mclass.outbox")
record OutboxProperties(@DefaultValue("true") boolean relayEnabled, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout, @DefaultValue("7d") Duration retention) {
}
