package com.mclass.platform.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mclass.platform.test.MutableClock;
import com.mclass.platform.web.security.RevocationMirror.Answer;
import com.mclass.platform.web.security.RevocationMirror.Poll;

import static org.assertj.core.api.Assertions.assertThat;

/** The mirror's bookkeeping with a hand-driven clock and hand-written Redis replies; the script itself runs elsewhere. */
class RevocationMirrorTests {

	private static final Duration WINDOW = Duration.ofMinutes(17);

	/** Redis' clock, deliberately far from the local one: the mirror must never compare the two. */
	private static final long REDIS_NOW = 5_000_000_000L;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final RevocationMirror mirror = new RevocationMirror(WINDOW, Duration.ofSeconds(5), Duration.ofSeconds(1),
			this.clock);

	@Test
	void cannotAnswerBeforeItsFirstPoll() {
		assertThat(this.mirror.answer("s1")).isEqualTo(Answer.UNKNOWN);
		assertThat(this.mirror.unansweredCount()).isEqualTo(1);
	}

	@Test
	void answersFromMemoryWhileItsLastPollIsRecent() {
		pollAnswering(REDIS_NOW, "s1", REDIS_NOW - 10);

		this.clock.advance(Duration.ofMillis(999));

		assertThat(this.mirror.answer("s1")).isEqualTo(Answer.REVOKED);
		assertThat(this.mirror.answer("s2")).isEqualTo(Answer.LIVE);
		assertThat(this.mirror.unansweredCount()).isZero();
	}

	@Test
	void cannotAnswerForATokenOlderThanItsWindow() {
		pollAnswering(REDIS_NOW, "s1", REDIS_NOW - 10);
		Instant now = this.clock.instant();

		assertThat(this.mirror.answer("s2", now.minus(WINDOW))).isEqualTo(Answer.UNKNOWN);
		assertThat(this.mirror.answer("s2", now.minus(WINDOW).plusSeconds(4))).as("within the overlap for clock skew")
			.isEqualTo(Answer.UNKNOWN);
		assertThat(this.mirror.answer("s2", now.minus(WINDOW).plusSeconds(6))).isEqualTo(Answer.LIVE);
		assertThat(this.mirror.answer("s1", now.minusSeconds(60))).isEqualTo(Answer.REVOKED);
		assertThat(this.mirror.answer("s2", null)).isEqualTo(Answer.LIVE);
	}

	@Test
	void cannotAnswerOnceItsLastPollIsACacheTtlOld() {
		pollAnswering(REDIS_NOW, "s1", REDIS_NOW - 10);

		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.mirror.answer("s1")).isEqualTo(Answer.UNKNOWN);
		assertThat(this.mirror.answer("s2")).isEqualTo(Answer.UNKNOWN);
		assertThat(this.mirror.unansweredCount()).isEqualTo(2);
		assertThat(this.mirror.ageSeconds()).isEqualTo(1.0);
	}

	@Test
	void countsItsAgeFromWhenThePollWasSentNotWhenItsReplyCameBack() {
		Poll slow = this.mirror.nextPoll();
		this.clock.advance(Duration.ofMillis(800));
		this.mirror.polled(slow, reply(REDIS_NOW));

		this.clock.advance(Duration.ofMillis(200));

		assertThat(this.mirror.answer("s1")).as("a revocation during the slow poll may be missing from its reply")
			.isEqualTo(Answer.UNKNOWN);
	}

	@Test
	void cannotAnswerWhenTheLocalClockSteppedBack() {
		pollAnswering(REDIS_NOW);

		this.clock.advance(Duration.ofMinutes(-5));

		assertThat(this.mirror.answer("s1")).isEqualTo(Answer.UNKNOWN);
	}

	@Test
	void readsTheWholeWindowFirstThenWhatWasAddedSinceThePreviousPoll() {
		Poll first = this.mirror.nextPoll();
		assertThat(first.keys()).containsExactly(RevokedSessions.REVOCATIONS_KEY);
		assertThat(first.args()).containsExactly("", "5000", Long.toString(WINDOW.toMillis()));
		this.mirror.polled(first, reply(REDIS_NOW));

		this.clock.advance(Duration.ofMillis(200));

		assertThat(this.mirror.nextPoll().args().get(0)).isEqualTo(Long.toString(REDIS_NOW));
	}

	@Test
	void readsTheWholeWindowAgainAfterAGapLongerThanTheOverlap() {
		pollAnswering(REDIS_NOW);

		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.mirror.nextPoll().args().get(0)).as("polls stalled or failed meanwhile").isEmpty();
	}

	@Test
	void keepsARevocationReadAgainInTheOverlapOnce() {
		pollAnswering(REDIS_NOW, "s1", REDIS_NOW - 10);
		pollAnswering(REDIS_NOW + 200, "s1", REDIS_NOW - 10, "s2", REDIS_NOW + 100);

		assertThat(this.mirror.size()).isEqualTo(2);
		assertThat(this.mirror.answer("s1")).isEqualTo(Answer.REVOKED);
		assertThat(this.mirror.answer("s2")).isEqualTo(Answer.REVOKED);
	}

	@Test
	void forgetsRevocationsOnceTheyLeaveTheWindowByRedisClock() {
		long windowMillis = WINDOW.toMillis();
		pollAnswering(REDIS_NOW, "old", REDIS_NOW - windowMillis + 100, "recent", REDIS_NOW - 10);

		pollAnswering(REDIS_NOW + 150);
		assertThat(this.mirror.answer("old")).isEqualTo(Answer.LIVE);
		assertThat(this.mirror.answer("recent")).isEqualTo(Answer.REVOKED);

		pollAnswering(REDIS_NOW + windowMillis);
		assertThat(this.mirror.answer("recent")).isEqualTo(Answer.LIVE);
		assertThat(this.mirror.size()).isZero();
	}

	@Test
	void forgetsNothingWhilePollsFail() {
		pollAnswering(REDIS_NOW, "s1", REDIS_NOW - 10);

		this.mirror.pollFailed(new IllegalStateException("Redis down"));
		this.mirror.pollFailed(new IllegalStateException("Redis still down"));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.mirror.answer("s1")).isEqualTo(Answer.UNKNOWN);

		pollAnswering(REDIS_NOW + 30_000);
		assertThat(this.mirror.answer("s1")).isEqualTo(Answer.REVOKED);
	}

	@Test
	void readsRepliesAsBytesToo() {
		Poll poll = this.mirror.nextPoll();
		this.mirror.polled(poll, List.of(bytes(Long.toString(REDIS_NOW)), bytes("s1"), bytes("4.99999999e9")));

		assertThat(this.mirror.answer("s1")).isEqualTo(Answer.REVOKED);
	}

	private void pollAnswering(long redisNow, Object... sessionsAndScores) {
		this.mirror.polled(this.mirror.nextPoll(), reply(redisNow, sessionsAndScores));
	}

	/** Shaped like the script's reply: Redis' clock, then members and scores as Redis prints them. */
	private static List<Object> reply(long redisNow, Object... sessionsAndScores) {
		List<Object> reply = new ArrayList<>();
		reply.add(Long.toString(redisNow));
		for (Object element : sessionsAndScores) {
			reply.add(element.toString());
		}
		return reply;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
