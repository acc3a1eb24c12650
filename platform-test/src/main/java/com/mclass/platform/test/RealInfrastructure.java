package com.mclass.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * The one way an MClass integration test asks for real infrastructure. Put it on a {@code @SpringBootTest} (or a
 * slice test) and the context is connected to:
 * <ul>
 * <li>PostgreSQL: a Testcontainers container via {@code @ServiceConnection} when a Docker engine is reachable, else
 * the server named by {@code MCLASS_TEST_POSTGRES_URL}, else the one at 127.0.0.1:5432, else an embedded one. The
 * test database {@code <database>_test} is dropped and re-created once per test JVM, so every run starts clean.</li>
 * <li>Redis: the same order ({@code MCLASS_TEST_REDIS_URL}, 127.0.0.1:6379, embedded).</li>
 * <li>Kafka: spring-kafka-test's embedded KRaft broker, one per test JVM.</li>
 * </ul>
 * {@code MCLASS_TEST_INFRA=docker|local|embedded} forces one kind of backing instead of the automatic choice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(ContainerInfrastructureSelector.class)
public @interface RealInfrastructure {

	/** The service's database name, e.g. {@code mclass_class}; empty when the test needs no PostgreSQL. */
	String database() default "";

	boolean redis() default false;

	boolean kafka() default false;

	/**
	 * Point the service's resource server at {@link TestTokens}' key set, so tests can call it with tokens they mint
	 * (every service but auth-service, which issues real ones).
	 */
	boolean testTokens() default false;

}
