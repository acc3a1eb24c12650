package com.mclass.enrollment.live;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = { "mclass.live.max-streams=2", "mclass.live.heartbeat=1s" })
class LiveStreamLimitIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	LiveStreams streams;

	@Test
	void aReplicaHoldingItsMaximumOfStreamsRefusesTheNextWith503AndRetryAfterUntilOneCloses() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		String url = "http://localhost:" + this.port + "/api/mclasses/" + classId + "/live";
		try (SseClient first = SseClient.open(url, null, null); SseClient second = SseClient.open(url, student(UUID.randomUUID()), null)) {
			assertThat(first.status).isEqualTo(200);
			assertThat(second.status).isEqualTo(200);
			try (SseClient third = SseClient.open(url, null, null)) {
				assertThat(third.status).isEqualTo(503);
				assertThat(third.retryAfter).isEqualTo(Long.toString(LiveStreamRefused.RETRY_AFTER.toSeconds()));
			}
			assertThat(this.streams.open()).isEqualTo(2);
		}
		// A closed stream is noticed at its next write (the heartbeat, every second here) and its place released.
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (this.streams.open() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		try (SseClient again = SseClient.open(url, null, null)) {
			assertThat(again.status).isEqualTo(200);
		}
	}

}
