package com.mclass.gateway.rush;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /rush/{classId}}: a page to sit through a rush on (queue position, live seats, one's own status). Static
 * HTML and a small script, no build; everything it shows comes from the public API through this gateway.
 */
@RestController
class RushPage {

	private static final Pattern UUID_FORM = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/** Only this page's own script and the API on this origin; no inline script, no framing. */
	private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final String html = read("rush/rush.html");

	private final String script = read("rush/rush.js");

	@GetMapping(path = "/rush/{classId}", produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> page(@PathVariable String classId) {
		if (!UUID_FORM.matcher(classId).matches()) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return Mono.just(ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.header("Content-Security-Policy", POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "no-referrer")
			.body(this.html));
	}

	@GetMapping(path = "/rush/assets/rush.js", produces = "text/javascript")
	Mono<ResponseEntity<String>> script() {
		return Mono.just(ResponseEntity.ok()
			.contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.header("X-Content-Type-Options", "nosniff")
			.body(this.script));
	}

	private static String read(String path) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
