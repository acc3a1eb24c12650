package com.mclass.notification.mail;

import java.time.Instant;

/**
 * What an enrollment email says about the class, copied from the event so that the email shows the class as it was
 * when the status changed.
 *
 * @param startAt may be {@code null}: the schedule line is then left out
 * @param endAt may be {@code null}
 * @param location may be {@code null}
 */
public record ClassDetails(String title, Instant startAt, Instant endAt, String location, boolean online) {
}
