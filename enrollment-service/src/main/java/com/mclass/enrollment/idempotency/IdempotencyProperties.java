package com.mclass.enrollment.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl how long a key is remembered after its request: a retry within it replays, after it the key is new
 * @param purgeInterval how often expired records are deleted (an expired record is ignored even before that)
 */
@ConfigurationProperties("mclass.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("10m") Duration purgeInterval) {
}
