package com.mclass.loadtests.floor.endpoint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trivial endpoint behind {@code floor-gateway}: Spring web MVC on Tomcat, like the MClass services, answering
 * every request with the same small JSON document and doing nothing else (no security, no database).
 */
@SpringBootApplication
@RestController
public class FloorEndpoint {

	private static final String ANSWER = "{\"data\":{\"floor\":true}}";

	public static void main(String[] args) {
		SpringApplication.run(FloorEndpoint.class, args);
	}

	@RequestMapping("/**")
	ResponseEntity<String> answer() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ANSWER);
	}

}
