package com.mclass.notification.outbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import com.mclass.notification.NotificationProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule notification-service runs with: the one its application.yml and defaults bind to. */
class RetryScheduleTests {

	private final RetrySchedule plan = new RetrySchedule(production().retryDelays());

	/** mclass.notification.* as the service binds it: application.yml (no MCLASS_MAIL_RETRY_DELAYS) over the defaults. */
	private static NotificationProperties production() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		try {
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new Binder(ConfigurationPropertySources.get(environment),
				new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(environment))
			.bindOrCreate("mclass.notification", NotificationProperties.class);
	}

	@Test
	void theDefaultsOfTheCodeAreTheSameSchedule() {
		NotificationProperties defaults = new Binder().bindOrCreate("mclass.notification", NotificationProperties.class);
		assertThat(defaults.retryDelays()).isEqualTo(production().retryDelays());
	}

	@Test
	void waitsFiveMinutesThenFifteenThenAnHour() {
		assertThat(this.plan.delayAfter(1)).contains(Duration.ofMinutes(5));
		assertThat(this.plan.delayAfter(2)).contains(Duration.ofMinutes(15));
		assertThat(this.plan.delayAfter(3)).contains(Duration.ofHours(1));
	}

	@Test
	void givesUpWhenTheAttemptAfterTheLastDelayFails() {
		assertThat(this.plan.maxAttempts()).isEqualTo(4);
		assertThat(this.plan.delayAfter(4)).isEmpty();
		assertThat(this.plan.delayAfter(5)).as("an admin retry of a given-up email gets one attempt").isEmpty();
	}

	@Test
	void withoutDelaysTheFirstFailureIsFinal() {
		assertThat(new RetrySchedule(List.of()).delayAfter(1)).isEmpty();
	}

}
