package com.mclass.gateway.error;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientLanguageTests {

	@ParameterizedTest
	@ValueSource(strings = { "en", "en-US", "en-GB,en;q=0.9", "fr-FR,en;q=0.5", "ko;q=0.3,en;q=0.8" })
	void isEnglishWhenTheClientPrefersEnglish(String acceptLanguage) {
		assertThat(ClientLanguage.of(acceptLanguage)).isEqualTo(Locale.ENGLISH);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "ko", "ko-KR,ko;q=0.9,en;q=0.8", "fr", "*", "not a language range;;;" })
	void isKoreanOtherwise(String acceptLanguage) {
		assertThat(ClientLanguage.of(acceptLanguage)).isEqualTo(Locale.KOREAN);
	}

}
