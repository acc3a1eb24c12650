package com.mclass.enrollment.live;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.mclass.enrollment.Classes;
import com.mclass.enrollment.EnrollmentIntegrationTest;
import com.mclass.enrollment.SecondReplica;

import static org.assertj.core.api.Assertions.assertThat;

class LiveStreamsShutdownIntegrationTests extends EnrollmentIntegrationTest {

	@Autowired
	Environment environment;

	@Test
	void aReplicaShuttingDownEndsItsStreamsRatherThanWaitingOutTheGracePeriodForThem() throws Exception {
		UUID classId = this.classes.open(Classes.firstCome(5, 0));
		ConfigurableApplicationContext replica = SecondReplica.start(this.environment);
		String url = "http://127.0.0.1:" + SecondReplica.port(replica) + "/api/mclasses/" + classId + "/live";
		try (SseClient watching = SseClient.open(url, student(UUID.randomUUID()), null);
				SseClient anonymous = SseClient.open(url, null, null)) {
			assertThat(watching.next((e) -> e.name().equals("availability"), Duration.ofSeconds(15))).isNotNull();
			assertThat(anonymous.next((e) -> e.name().equals("availability"), Duration.ofSeconds(15))).isNotNull();

			long stopping = System.nanoTime();
			replica.close();

			// Graceful shutdown waits for active requests, a stream among them, for 30 s (the default grace period).
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("shutdown time").isLessThan(Duration.ofSeconds(20));
			assertThat(watching.endedWithin(Duration.ofSeconds(5))).as("the signed-in stream ended").isTrue();
			assertThat(anonymous.endedWithin(Duration.ofSeconds(5))).as("the anonymous stream ended").isTrue();
		}
		finally {
			replica.close();
		}
	}

}
