package com.mclass.launcher.oauth;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mclass.launcher.net.LocalPorts;

/**
 * Google, Kakao and Naver on this machine: navikt's mock-oauth2-server with one issuer per provider
 * ({@code <url>/google}, {@code /kakao}, {@code /naver}: auth-service's {@code MCLASS_OAUTH_MOCK_URL} endpoints), a
 * login page where a person types who they are, and tokens and user-info documents in each provider's shape (see
 * {@link MockProvider}). {@code <url>/social-callback} stands in for the front-end a login ends at.
 *
 * <p>It runs on Netty ({@link NettyWrapper}) rather than the mock's default okhttp MockWebServer, whose okhttp
 * version has to match whatever else is on the classpath.
 */
public final class MockOAuthServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MockOAuthServer.class);

	private static final Duration PORT_RELEASE_WAIT = Duration.ofSeconds(10);

	private final MockOAuth2Server server;

	private final int port;

	private MockOAuthServer(MockOAuth2Server server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts the mock on localhost.
	 * @param port the port; 0 picks a free one
	 * @param gatewayUrl the gateway's URL, used by the landing page; may answer null until the gateway's port is known
	 */
	public static MockOAuthServer start(int port, Supplier<URI> gatewayUrl) {
		FrontedServer http = new FrontedServer(new NettyWrapper(null), new LandingPage(gatewayUrl));
		// Interactive login: the authorization endpoint shows a login page instead of signing in a random user at once.
		MockOAuth2Server server = new MockOAuth2Server(
				new OAuth2Config(true, null, null, false, new OAuth2TokenProvider(), Set.of(), http));
		try {
			server.start(InetAddress.getLoopbackAddress(), port);
		}
		catch (Exception ex) { // Netty's bind failure is a checked exception Kotlin does not declare
			server.shutdown();
			throw new IllegalStateException("Could not start the mock OAuth2 server on port " + port + ": " + ex, ex);
		}
		MockOAuthServer mock = new MockOAuthServer(server, http.port());
		log.info("OAuth2: mock Google, Kakao and Naver on {}", mock.url());
		return mock;
	}

	/** {@code http://localhost:<port>}; each provider is an issuer below it ({@code /google}, {@code /kakao}, {@code /naver}). */
	public URI url() {
		return URI.create("http://localhost:" + this.port);
	}

	/** The stand-in front-end page a social login ends at, showing the one-time code. */
	public URI landingUrl() {
		return URI.create(url() + LandingPage.PATH);
	}

	public int port() {
		return this.port;
	}

	/**
	 * Stops the server and waits for its port to be released: Netty shuts its event loops down in the background, and a
	 * platform started again at once must find the port free.
	 */
	@Override
	public void close() {
		this.server.shutdown();
		long deadline = System.nanoTime() + PORT_RELEASE_WAIT.toNanos();
		while (!LocalPorts.isFree(this.port) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		log.info("OAuth2: stopped the mock providers");
	}

}
