package com.mclass.launcher.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import okhttp3.Headers;

import static com.mclass.launcher.net.Html.escape;

/** The few things the mock's own pages share: a page frame, form decoding and the response types. */
final class Pages {

	private static final String STYLE = """
			<style>
			  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif; margin: 0;
			         color: #1f2328; background: #f6f8fa; }
			  header { padding: 12px 20px; display: flex; align-items: baseline; gap: 12px; }
			  header strong { font-size: 18px; }
			  main { max-width: 760px; margin: 0 auto; padding: 8px 20px 40px; }
			  h1 { font-size: 22px; } h2 { font-size: 16px; margin-top: 28px; }
			  form { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 16px; }
			  label { display: block; font-weight: 600; margin-bottom: 12px; }
			  input[type=text] { display: block; width: 100%; box-sizing: border-box; font-size: 16px; padding: 8px;
			                     margin-top: 4px; border: 1px solid #d0d7de; border-radius: 6px; }
			  textarea { width: 100%; box-sizing: border-box; font: 13px ui-monospace, monospace; }
			  button { font-size: 15px; padding: 8px 16px; border-radius: 6px; border: 0; cursor: pointer;
			           background: #1f883d; color: #fff; margin-right: 8px; }
			  button.secondary { background: #eaeef2; color: #1f2328; }
			  details { margin: 4px 0 14px; }
			  pre { white-space: pre-wrap; word-break: break-all; background: #fff; border: 1px solid #d0d7de;
			        padding: 12px; border-radius: 6px; font-size: 13px; }
			  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; background: #fff;
			       border: 1px solid #d0d7de; padding: 12px; border-radius: 6px; }
			  dt { font-weight: 600; color: #57606a; } dd { margin: 0; word-break: break-all; }
			  .error { background: #ffebe9; border: 1px solid #ff8182; padding: 10px 14px; border-radius: 6px; }
			  .note { color: #57606a; }
			</style>
			""";

	private Pages() {
	}

	/** A whole page: a header in the given colours, then {@code body} (already HTML). */
	static String page(String title, String brand, String subtitle, String background, String foreground, String body) {
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
				+ "</title>" + STYLE + "</head><body><header style=\"background:" + background + ";color:" + foreground
				+ "\"><strong>" + escape(brand) + "</strong><span>" + escape(subtitle) + "</span></header><main>" + body
				+ "</main></body></html>";
	}

	static OAuth2HttpResponse html(int status, String html) {
		return new OAuth2HttpResponse(
				Headers.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "no-store"), status, html, null);
	}

	static OAuth2HttpResponse redirect(String location) {
		return new OAuth2HttpResponse(Headers.of("Location", location, "Cache-Control", "no-store"), 302, "", null);
	}

	/** An {@code application/x-www-form-urlencoded} body as name → value (the first value of each name). */
	static Map<String, String> form(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (body == null || body.isEmpty()) {
			return fields;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			String value = (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			fields.putIfAbsent(name, value);
		}
		return fields;
	}

}
