package com.mclass.classes;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * class-service: owns classes (MClass) and their versioned enrollment forms.
 */
@SpringBootApplication
public class ClassServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClassServiceApplication.class, args);
	}

	/** Recruit states and timestamps come from one clock, which tests could replace. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
