package com.mclass.auth.social;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the social-login endpoints see themselves at the public URL ({@code mclass.gateway-url}) instead of this
 * instance's address. The redirect URI sent to a provider must be the one registered there, and Spring Security
 * checks that the callback arrived at exactly that URI; both are derived from the request URL. Configuring the
 * public origin beats trusting {@code X-Forwarded-Host}, which any client could set.
 */
class PublicUrlFilter extends OncePerRequestFilter {

	private final String scheme;

	private final String host;

	private final int port;

	PublicUrlFilter(String publicUrl) {
		URI uri = URI.create(publicUrl);
		this.scheme = uri.getScheme();
		this.host = uri.getHost();
		this.port = (uri.getPort() > 0) ? uri.getPort() : ("https".equals(this.scheme) ? 443 : 80);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public String getScheme() {
				return PublicUrlFilter.this.scheme;
			}

			@Override
			public String getServerName() {
				return PublicUrlFilter.this.host;
			}

			@Override
			public int getServerPort() {
				return PublicUrlFilter.this.port;
			}

			@Override
			public boolean isSecure() {
				return "https".equals(PublicUrlFilter.this.scheme);
			}

			@Override
			public StringBuffer getRequestURL() {
				StringBuffer url = new StringBuffer(PublicUrlFilter.this.scheme).append("://").append(PublicUrlFilter.this.host);
				boolean defaultPort = ("https".equals(PublicUrlFilter.this.scheme) && PublicUrlFilter.this.port == 443)
						|| ("http".equals(PublicUrlFilter.this.scheme) && PublicUrlFilter.this.port == 80);
				if (!defaultPort) {
					url.append(':').append(PublicUrlFilter.this.port);
				}
				return url.append(getRequestURI());
			}

		}, response);
	}

}
