package com.mclass.classes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import com.mclass.platform.test.RealInfrastructure;

/**
 * The one configuration every integration test of class-service runs with: the whole service on a random port,
 * real PostgreSQL, Redis and Kafka, tokens minted by {@code TestTokens}. One annotation, so that all test classes
 * share one cached application context (and one startup). The class cache gets its own Redis key prefix, so that
 * classes of a test database (the demo ids in particular) never shadow those of a service running locally; the
 * list-changed announcements their own channel (per {@code MCLASS_TEST_DB_SUFFIX}, like the database), so that a
 * gateway running locally, or another test run, neither hears them nor is heard.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mclass.classes.cache.key-prefix=mclass:class-service-test:class:",
				"mclass.classes.list-changed-channel=mclass:class-service-test:list-changed:${MCLASS_TEST_DB_SUFFIX:}", "logging.structured.format.console=", "logging.level.root=warn", "logging.level.org.apache.kafka=error",
				"logging.level.kafka=error", "logging.level.state.change.logger=error" })
@RealInfrastructure(database = "mclass_class", redis = true, kafka = true, testTokens = true)
public @interface ClassServiceIntegrationTest {

}
