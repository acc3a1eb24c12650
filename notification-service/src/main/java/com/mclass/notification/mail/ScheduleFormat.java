package com.mclass.notification.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A class's schedule as a person reads it. Classes take place in Korea, so both languages show the time in the
 * platform's zone (Asia/Seoul); English readers may be elsewhere, so their text names the zone.
 */
record ScheduleFormat(ZoneId zone) {

	private static final DateTimeFormatter KOREAN_DATE_TIME = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) a h:mm",
			Locale.KOREAN);

	private static final DateTimeFormatter KOREAN_TIME = DateTimeFormatter.ofPattern("a h:mm", Locale.KOREAN);

	private static final DateTimeFormatter ENGLISH_DATE_TIME = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a",
			Locale.ENGLISH);

	private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

	private static final DateTimeFormatter ENGLISH_ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

	/** One instant, as a schedule's start is written (a seat offer's deadline); {@code null} for {@code null}. */
	String moment(Instant instant, Locale locale) {
		if (instant == null) {
			return null;
		}
		boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
		ZonedDateTime at = instant.atZone(this.zone);
		return english ? ENGLISH_DATE_TIME.format(at) + " " + ENGLISH_ZONE.format(at) : KOREAN_DATE_TIME.format(at);
	}

	/** @return {@code null} when the start is unknown */
	String describe(Instant startAt, Instant endAt, Locale locale) {
		if (startAt == null) {
			return null;
		}
		boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
		ZonedDateTime start = startAt.atZone(this.zone);
		ZonedDateTime end = (endAt != null && !endAt.isBefore(startAt)) ? endAt.atZone(this.zone) : null;
		DateTimeFormatter dateTime = english ? ENGLISH_DATE_TIME : KOREAN_DATE_TIME;
		StringBuilder text = new StringBuilder(dateTime.format(start));
		if (end != null) {
			boolean sameDay = end.toLocalDate().equals(start.toLocalDate());
			text.append(english ? " – " : " ~ ")
				.append(sameDay ? (english ? ENGLISH_TIME : KOREAN_TIME).format(end) : dateTime.format(end));
		}
		if (english) {
			text.append(' ').append(ENGLISH_ZONE.format(start));
		}
		return text.toString();
	}

}
