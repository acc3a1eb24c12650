package com.mclass.gateway.live;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live-update streams ({@code GET /api/mclasses/{id}/live}) the gateway relays from enrollment-service.
 *
 * @param upstream enrollment-service's base URL ({@code MCLASS_ENROLLMENT_URL})
 * @param maxStreams streams relayed at once by this gateway (one upstream connection each); beyond it 503
 * @param idleTimeout a stream on which the service sent nothing (not even its 15 s heartbeat) for this long is closed
 * @param connectTimeout connecting to the service
 */
@ConfigurationProperties("mclass.gateway.live")
record LiveProperties(URI upstream, @DefaultValue("20000") int maxStreams, @DefaultValue("45s") Duration idleTimeout,
		@DefaultValue("2s") Duration connectTimeout) {
}
