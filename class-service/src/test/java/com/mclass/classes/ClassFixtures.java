package com.mclass.classes;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of valid classes and forms, to be bent one field at a time by tests. */
public final class ClassFixtures {

	private ClassFixtures() {
	}

	/** A PUBLIC, offline, first-come class recruiting now (from an hour ago for a week), held two weeks from now. */
	public static Map<String, Object> recruitingClass(String title) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return schedule(base(title), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(14)));
	}

	/** Recruiting from tomorrow for a week; held two weeks from now. */
	public static Map<String, Object> upcomingClass(String title) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return schedule(base(title), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(8)), now.plus(Duration.ofDays(14)));
	}

	/** Recruiting ended yesterday; held in three days. */
	public static Map<String, Object> closedClass(String title) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return schedule(base(title), now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)));
	}

	private static Map<String, Object> base(String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("description", "설명: " + title);
		body.put("capacity", 30);
		body.put("waitlistCapacity", 10);
		body.put("allowWaitlist", true);
		body.put("visibility", "PUBLIC");
		body.put("location", "서울 강남구");
		body.put("fee", 10000);
		body.put("isOnline", false);
		body.put("selectionType", "FIRST_COME");
		return body;
	}

	private static Map<String, Object> schedule(Map<String, Object> body, Instant recruitStartAt, Instant recruitEndAt, Instant startAt) {
		body.put("recruitStartAt", recruitStartAt.toString());
		body.put("recruitEndAt", recruitEndAt.toString());
		body.put("startAt", startAt.toString());
		body.put("endAt", startAt.plus(Duration.ofHours(2)).toString());
		return body;
	}

	public static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
		Map<String, Object> changed = new LinkedHashMap<>(body);
		for (int i = 0; i < keysAndValues.length; i += 2) {
			changed.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return changed;
	}

	/** A form with one question of each kind that takes free text, options and agreement. */
	public static Map<String, Object> form(String title) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("description", "신청서");
		form.put("questions", List.of(
				Map.of("id", "name", "type", "text", "label", "이름", "required", true, "validation", Map.of("maxLength", 50)),
				Map.of("id", "phone", "type", "phone", "label", "휴대전화", "required", true),
				Map.of("id", "level", "type", "radio", "label", "경험", "required", true, "options", List.of("입문", "중급")),
				Map.of("id", "agree", "type", "agreeTerms", "label", "개인정보 동의", "required", true)));
		return form;
	}

}
