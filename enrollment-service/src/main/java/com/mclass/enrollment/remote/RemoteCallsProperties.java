package com.mclass.enrollment.remote;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long and how often this service waits for the services it calls (class-service's fallback read, the
 * dashboard's statistics).
 *
 * @param timeout the longest a call may take, its retry included, before its fallback answers
 * @param failureRateThreshold percent of failed calls in the sliding window that opens the circuit
 * @param slidingWindowSize how many recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed before the failure rate counts
 * @param waitInOpenState how long an open circuit refuses calls before letting a few through again
 */
@ConfigurationProperties("mclass.remote-calls")
public record RemoteCallsProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumNumberOfCalls,
		@DefaultValue("10s") Duration waitInOpenState) {
}
