package com.mclass.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything notification-service lets an operator tune ({@code mclass.notification.*}).
 *
 * @param webBaseUrl where the links in emails point (the web front end), {@code MCLASS_WEB_BASE_URL}
 * @param mailFrom the sender address of every email
 * @param mailFromName the display name next to it
 * @param timeZone the zone class schedules are shown in: classes take place in Korea, so English emails use it too
 * and name it
 * @param retryDelays the wait after each failed delivery attempt, in order; an email is given up (FAILED) when the
 * attempt after the last delay fails too
 * @param topics the topics the events come from
 * @param sender how the outbox is drained
 */
@ConfigurationProperties("mclass.notification")
public record NotificationProperties(@DefaultValue("http://localhost:8080") URI webBaseUrl,
		@DefaultValue("no-reply@mclass.local") String mailFrom, @DefaultValue("MClass") String mailFromName,
		@DefaultValue("Asia/Seoul") ZoneId timeZone, @DefaultValue({ "5m", "15m", "1h" }) List<Duration> retryDelays,
		@DefaultValue Topics topics, @DefaultValue Sender sender) {

	/**
	 * @param enrollmentEvents {@code mclass.enrollment.events}, published by enrollment-service
	 * @param userEvents {@code mclass.user.events}, published by auth-service
	 */
	public record Topics(@DefaultValue("mclass.enrollment.events") String enrollmentEvents,
			@DefaultValue("mclass.user.events") String userEvents) {
	}

	/**
	 * @param enabled whether this instance sends at all (every replica may: claims make that safe)
	 * @param batchSize how many due emails one claim takes
	 * @param pollInterval how often the outbox is looked at when no commit signalled new mail (other replicas' mail,
	 * retries coming due)
	 * @param lease how long a claim keeps other senders away from its emails; must exceed a batch's SMTP time by far
	 */
	public record Sender(@DefaultValue("true") boolean enabled, @DefaultValue("10") int batchSize,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("5m") Duration lease) {
	}

}
