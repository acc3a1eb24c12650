package com.mclass.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import com.mclass.platform.test.RealInfrastructure;

/**
 * The one setup of every auth-service integration test: the whole service on a random port against real
 * PostgreSQL, Redis and Kafka, and the mock OAuth2 providers ({@link MockProviders}), in the {@code local} profile
 * (development defaults allowed). Identical on every class, so the suite boots one application context. Throttling
 * is shortened so tests can watch a lock expire. bcrypt runs at cost 6 (cost 10 is measured in PasswordHashingTests):
 * at cost 10 twenty parallel registrations on a loaded shared machine wait longer than the bcrypt pool's 2 s and are
 * rightly turned away as overload (503), which is not what those tests are about. The login throttle keeps its
 * counts under a key prefix of its own: failed sign-ins from 127.0.0.1 that a platform or a benchmark on the same
 * Redis left behind (counted for 15 minutes there) would otherwise lock these tests out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.profiles.active=local", "mclass.auth.login.account-client.max-failures=5",
				"mclass.auth.login.account-client.window=20s", "mclass.auth.login.account-client.lock=2s",
				"mclass.auth.login.account-client.max-lock=4s", "mclass.auth.login.account.max-failures=10",
				"mclass.auth.login.account.window=20s",
				"mclass.auth.login.ip.max-failures=8", "mclass.auth.login.ip.window=20s", "mclass.auth.login.ip.lock=2s",
				"mclass.auth.login.ip.max-lock=4s", "mclass.outbox.poll-interval=200ms",
				"mclass.auth.password.bcrypt-cost=6", "mclass.auth.login.key-prefix=mclass:auth:login-tests:" })
@RealInfrastructure(database = "mclass_auth", redis = true, kafka = true)
public @interface AuthServiceIntegrationTest {

}
