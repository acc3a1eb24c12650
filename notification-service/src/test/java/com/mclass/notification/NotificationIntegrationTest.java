package com.mclass.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.mclass.platform.test.RealInfrastructure;

/**
 * The one application context every integration test of this service shares: the running service on a random port
 * with real PostgreSQL, Redis and an embedded Kafka broker (topics provisioned as in production), test tokens, the
 * GreenMail port of {@link TestSmtp}, and the compressed timings of {@code application-test.yml}. Every integration
 * class carries exactly this annotation, so Spring's context cache starts the service once per test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "mclass_notification", redis = true, kafka = true, testTokens = true)
@ActiveProfiles("test")
@Import({ TestSmtp.Wiring.class, TestEvents.Topics.class })
public @interface NotificationIntegrationTest {

}
