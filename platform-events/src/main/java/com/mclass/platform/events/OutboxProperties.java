package com.mclass.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled whether this instance moves rows to Kafka (every replica may; one at a time does)
 * @param pollInterval how often the relay looks for rows when no commit woke it up
 * @param batchSize rows published per relay transaction
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch before giving up on it
 * @param maxBackoff the longest pause between attempts while Kafka is unreachable
 * @param retention how long published rows are kept for inspection before being deleted
 */
@ConfigurationProperties("mclass.outbox")
public record OutboxProperties(@DefaultValue("true") boolean relayEnabled, @DefaultValue("250ms") Duration pollInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout, @DefaultValue("5s") Duration maxBackoff,
		@DefaultValue("7d") Duration retention) {
}
