package com.mclass.gateway.admission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.mclass.gateway.GatewayIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Sent over a raw socket, since HTTP clients normalize such paths before they leave, and attackers do not. */
class PathTraversalGuardIntegrationTests extends GatewayIntegrationTest {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/api/auth/../../internal/users", "/api/auth/..;/..;/internal/users",
			"/api/auth/..%2F..%2Finternal/users" })
	void neverLetsATraversalReachAService(String rawPath) throws IOException {
		String answer = rawGet(rawPath);

		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).contains("\"code\":\"VALIDATION_FAILED\"");
		assertThat(AUTH.received()).noneMatch((request) -> request.rawPath().contains("internal"));
	}

	private String rawGet(String rawPath) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
