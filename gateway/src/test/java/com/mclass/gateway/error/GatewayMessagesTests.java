package com.mclass.gateway.error;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorMessages;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMessagesTests {

	private final ErrorMessages messages = new ErrorMessagesConfiguration().errorMessages();

	@Test
	void everyKoreanTextHasAnEnglishOne() throws IOException {
		// A key missing in English would fall back to the Korean base bundle, not to the platform's English text.
		assertThat(load("gateway-messages_en.properties").stringPropertyNames())
			.isEqualTo(load("gateway-messages.properties").stringPropertyNames());
	}

	@Test
	void prefersTheGatewaysWordingAndFallsBackToThePlatforms() {
		assertThat(this.messages.messageFor(CommonErrorCode.SERVICE_UNAVAILABLE, Locale.ENGLISH))
			.isEqualTo("The service that handles this request cannot be reached. Try again later.");
		assertThat(this.messages.messageFor(CommonErrorCode.PAYLOAD_TOO_LARGE, Locale.KOREAN)).isEqualTo("요청 본문이 너무 큽니다.");
		assertThat(this.messages.messageFor(CommonErrorCode.PAYLOAD_TOO_LARGE, Locale.ENGLISH))
			.isEqualTo("The request body is too large.");
	}

	@Test
	void answersKoreanForLanguagesItDoesNotSpeakWhateverTheJvmLanguage() {
		assertThat(this.messages.messageFor(CommonErrorCode.NOT_FOUND, Locale.FRENCH)).isEqualTo("요청한 리소스를 찾을 수 없습니다.");
		assertThat(this.messages.messageFor(CommonErrorCode.GATEWAY_TIMEOUT, Locale.FRENCH))
			.isEqualTo("요청을 처리할 서비스가 제시간에 응답하지 않았습니다. 잠시 후 다시 시도하세요.");
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(
				GatewayMessagesTests.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
