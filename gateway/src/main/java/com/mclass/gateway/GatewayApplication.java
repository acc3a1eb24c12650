package com.mclass.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The single public entry point of MClass. Routes live in {@code application.yml}; the Java code holds what the route
 * table cannot say: which requests are admitted at all (tokens, roles, body size, path shape), how fast each caller may
 * go, where a request really came from, the request id, which requests are sent again after a lost connection, and
 * the error envelope for the gateway's own failures.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
