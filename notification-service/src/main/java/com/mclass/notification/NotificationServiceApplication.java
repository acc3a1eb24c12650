package com.mclass.notification;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * notification-service: turns enrollment and user events into emails. {@code intake} consumes the events and
 * deduplicates them, {@code mail} decides what an email says, {@code outbox} delivers it over SMTP with retries.
 */
@SpringBootApplication
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationServiceApplication {

	/** The outbox's clock for due times and leases; tests move a {@code MutableClock} instead. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(NotificationServiceApplication.class, args);
	}

}
