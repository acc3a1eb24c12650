package com.mclass.platform.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHeaderRulesTests {

	// The expressions of Spring Security 7's StrictHttpFirewall / StrictServerWebExchangeFirewall and
	// DefaultBearerTokenResolver / ServerBearerTokenAuthenticationConverter.
	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

	@Test
	void headerNamesAndValuesAreJudgedAsTheFirewallsExpressionsJudgeThemForEveryCodePoint() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + new String(Character.toChars(codePoint)) + "b";
			assertThat(RequestHeaderRules.HEADER_NAME.test(text)).as("name with U+%04X", codePoint).isEqualTo(NAME.matcher(text).matches());
			assertThat(RequestHeaderRules.HEADER_VALUE.test(text)).as("value with U+%04X", codePoint).isEqualTo(VALUE.matcher(text).matches());
		}
		assertThat(RequestHeaderRules.HEADER_VALUE.test("")).isTrue();
		assertThat(RequestHeaderRules.HEADER_VALUE.test(null)).as("as the firewalls: nothing to judge").isTrue();
		assertThat(RequestHeaderRules.HEADER_NAME.test(null)).isTrue();
		assertThat(RequestHeaderRules.HEADER_VALUE.test("a\uD800b")).as("a lone surrogate").isEqualTo(VALUE.matcher("a\uD800b").matches());
	}

	@Test
	void aBearerTokenIsReadOnlyFromAHeaderTheResolversExpressionAccepts() {
		List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER a.b-c_d~e+f/g==", "Bearer abc=",
				"Bearer abc=d", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Basic abc", "Bearerabc", "Bearer =",
				"Bearer a b", "Bearer ab%", "Bearer é", "Token abc", "", "Bearer a\n", "Bearer a\u0000"));
		Random random = new Random(42);
		String alphabet = "aZ09-._~+/= %\tbB";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR ");
			for (int length = random.nextInt(12); length > 0; length--) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			headers.add(header.toString());
		}
		for (String header : headers) {
			Matcher matcher = BEARER.matcher(header);
			String expected = matcher.matches() ? matcher.group("token") : null;
			assertThat(RequestHeaderRules.wellFormedBearerToken(header)).as("'%s'", header).isEqualTo(expected);
		}
		assertThat(RequestHeaderRules.wellFormedBearerToken(null)).isNull();
	}

}
