package com.mclass.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * notification-service: turns enrollment and user events into emails. {@code intake} consumes the events and
 * deduplicates them, {@code mail} decides what an email says, {@code outbox} delivers it over SMTP with retries.
 */
@SpringBootApplication
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationServiceApplication.class, args);
	}

}
