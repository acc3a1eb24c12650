package com.mclass.enrollment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.mclass.platform.test.RealInfrastructure;

/**
 * The one setup of every enrollment-service integration test: the whole service on a random port against real
 * PostgreSQL, Redis and Kafka, with tokens from {@code TestTokens} and the other services played by
 * {@link RemoteServicesStub}, on a {@link MovableClock}. Identical on every class, so the suite boots one application
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mclass.outbox.poll-interval=100ms", "mclass.enrollment.sold-out-ttl=10s",
				// Offer expiry runs when a test calls it: a background sweep would race the deadline tests.
				"mclass.enrollment.offer-sweep-interval=1h", "mclass.queue.auto-hold=0", "logging.level.org.springframework.kafka=warn",
				"logging.level.kafka=warn", "logging.level.state.change.logger=warn" })
@RealInfrastructure(database = "mclass_enrollment", redis = true, kafka = true, testTokens = true)
@Import(MovableClock.InPlaceOfTheServiceClock.class)
public @interface EnrollmentServiceIntegrationTest {

}
