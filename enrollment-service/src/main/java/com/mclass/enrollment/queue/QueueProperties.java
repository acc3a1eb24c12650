package com.mclass.enrollment.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The waiting room's settings ({@code mclass.queue.*}).
 *
 * @param admissionRate tickets admitted per second and class; also the enroll arrivals per second and class above which
 * the room switches itself on. Default: what the rush benchmark measured this 2-core machine sustains with p99 ≤
 * 150 ms (load-tests/README.md: 150/s end to end, less with everything else running), rounded down.
 * @param admissionWindow at most this many admissions of a class open at once (admitted, not used, not expired); an
 * unused one blocks its slot until it expires. Default: one second's worth.
 * @param admissionTtl how long an admission may be used; unused, it expires and the next in line is admitted
 * @param autoHold how long a room switched on by arrivals stays on after the last burst (and while its line drains);
 * {@code 0} turns auto-activation off
 * @param admitInterval how often each replica runs the admission step for every class with a line
 * @param protectedRefresh how often each replica reloads the admin-protected classes from the database
 * @param keyTtl how long a class's line is kept in Redis after its last change
 * @param keyPrefix where the lines live in Redis
 */
@ConfigurationProperties("mclass.queue")
public record QueueProperties(@DefaultValue("100") int admissionRate, @DefaultValue("0") int admissionWindow,
		@DefaultValue("60s") Duration admissionTtl, @DefaultValue("30s") Duration autoHold,
		@DefaultValue("200ms") Duration admitInterval, @DefaultValue("1s") Duration protectedRefresh,
		@DefaultValue("24h") Duration keyTtl, @DefaultValue("mclass:queue:") String keyPrefix) {

	public QueueProperties {
		if (admissionRate < 1) {
			throw new IllegalArgumentException("mclass.queue.admission-rate must be at least 1");
		}
		if (admissionWindow <= 0) {
			admissionWindow = admissionRate;
		}
	}

}
