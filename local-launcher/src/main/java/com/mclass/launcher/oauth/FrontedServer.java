package com.mclass.launcher.oauth;

import java.net.InetAddress;
import java.util.List;

import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpServer;
import no.nav.security.mock.oauth2.http.Ssl;
import okhttp3.HttpUrl;

/**
 * The mock's HTTP server with this package's pages in front of the mock: every request reaches the server's handler
 * (the mock's router) through {@link #route}. Wrapping the server is the one place the mock lets a caller see and
 * change a request before it does: its routes cannot hand a changed request on to its own endpoints.
 */
final class FrontedServer implements OAuth2HttpServer {

	private final OAuth2HttpServer server;

	private final LandingPage landing;

	FrontedServer(OAuth2HttpServer server, LandingPage landing) {
		this.server = server;
		this.landing = landing;
	}

	@Override
	public OAuth2HttpServer start(Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
		return start(0, handler);
	}

	@Override
	public OAuth2HttpServer start(int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
		return start(InetAddress.getLoopbackAddress(), port, handler);
	}

	@Override
	public OAuth2HttpServer start(InetAddress address, int port, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> handler) {
		this.server.start(address, port, (request) -> route(request, handler));
		return this;
	}

	private OAuth2HttpResponse route(OAuth2HttpRequest request, Function1<? super OAuth2HttpRequest, OAuth2HttpResponse> mock) {
		String path = request.getUrl().encodedPath();
		if (LandingPage.serves(path)) {
			return this.landing.handle(request);
		}
		List<String> segments = request.getUrl().pathSegments();
		if (segments.size() == 2 && AuthorizationPages.ENDPOINT.equals(segments.get(1))) {
			MockProvider provider = MockProvider.ofIssuer(segments.get(0)).orElse(null);
			if (provider != null) {
				return AuthorizationPages.handle(provider, request, mock);
			}
		}
		return mock.invoke(request);
	}

	@Override
	public OAuth2HttpServer stop() {
		this.server.stop();
		return this;
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public int port() {
		return this.server.port();
	}

	@Override
	public HttpUrl url(String path) {
		return this.server.url(path);
	}

	@Override
	public Ssl sslConfig() {
		return this.server.sslConfig();
	}

}
