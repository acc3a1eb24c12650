package com.mclass.gateway.classlist;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class PublicClassListTests {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private static final byte[] BODY = "{\"success\":true}".getBytes();

	private final PublicClassList list = new PublicClassList(Duration.ofSeconds(1), Duration.ofMinutes(10), 3);

	@Test
	void keepsAnAnswerForItsMaxAgeWhenThatIsShorterThanTheTtl() {
		PublicClassList longLived = new PublicClassList(Duration.ofSeconds(30), Duration.ofMinutes(10), 3);
		longLived.keep("page=0", BODY, MediaType.APPLICATION_JSON, "\"a\"", Duration.ofSeconds(2), NOW, longLived.generation());

		assertThat(longLived.find("page=0", NOW.plusMillis(1999))).isNotNull();
		assertThat(longLived.find("page=0", NOW.plusSeconds(2))).isNull();
	}

	@Test
	void keepsAnAnswerNoLongerThanTheTtlWhateverItsMaxAge() {
		this.list.keep("page=0", BODY, MediaType.APPLICATION_JSON, "\"a\"", Duration.ofSeconds(60), NOW, this.list.generation());

		PublicClassList.Answer answer = this.list.find("page=0", NOW.plusMillis(999));
		assertThat(answer).isNotNull();
		assertThat(answer.maxAgeLeft(NOW.plusMillis(999))).isEqualTo(59);
		assertThat(this.list.find("page=0", NOW.plusSeconds(1))).isNull();
		assertThat(this.list.find("page=1", NOW)).isNull();
	}

	@Test
	void keepsAnExpiredAnswerForTheStaleIfErrorPeriodOnly() {
		this.list.keep("page=0", BODY, MediaType.APPLICATION_JSON, "\"a\"", Duration.ofSeconds(2), NOW, this.list.generation());

		assertThat(this.list.find("page=0", NOW.plusSeconds(5))).isNull();
		PublicClassList.Answer stale = this.list.findStale("page=0", NOW.plusSeconds(5));
		assertThat(stale).isNotNull();
		assertThat(stale.ageAt(NOW.plusSeconds(5))).isEqualTo(5);
		assertThat(this.list.findStale("page=0", NOW.plus(Duration.ofMinutes(10)))).isNull();
		this.list.clear();
		assertThat(this.list.findStale("page=0", NOW.plusSeconds(5))).as("a change drops the stale copy too").isNull();
	}

	@Test
	void doesNotKeepAnAnswerToARequestSentBeforeTheListChanged() {
		long sentAt = this.list.generation();
		this.list.clear();

		this.list.keep("page=0", BODY, MediaType.APPLICATION_JSON, null, Duration.ofSeconds(2), NOW, sentAt);

		assertThat(this.list.find("page=0", NOW)).isNull();
		assertThat(this.list.size()).isZero();
	}

	@Test
	void aChangeDropsEverythingKept() {
		this.list.keep("page=0", BODY, MediaType.APPLICATION_JSON, null, Duration.ofSeconds(2), NOW, this.list.generation());
		this.list.keep("page=1", BODY, MediaType.APPLICATION_JSON, null, Duration.ofSeconds(2), NOW, this.list.generation());

		this.list.clear();

		assertThat(this.list.find("page=0", NOW)).isNull();
		assertThat(this.list.size()).isZero();
	}

	@Test
	void keepsNoMoreAnswersThanItsBound() {
		for (int page = 0; page < 10; page++) {
			this.list.keep("page=" + page, BODY, MediaType.APPLICATION_JSON, null, Duration.ofSeconds(2), NOW, this.list.generation());
		}

		assertThat(this.list.size()).isEqualTo(3);
	}

}
