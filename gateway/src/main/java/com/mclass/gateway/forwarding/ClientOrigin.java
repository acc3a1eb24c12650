package com.mclass.gateway.forwarding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a request really came from: the client's address, and the scheme and host it addressed. Taken from the
 * {@code X-Forwarded-*} headers only when the direct peer is a trusted proxy; from the connection itself otherwise, so
 * that a client cannot pose as another address (and escape its rate limit or login throttle) by sending the headers.
 *
 * @param host {@code host[:port]} as the client addressed it, or {@code null} when nothing trustworthy says so
 */
record ClientOrigin(InetAddress client, String scheme, String host) {

	static final String X_FORWARDED_FOR = "X-Forwarded-For";

	static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

	static final String X_FORWARDED_HOST = "X-Forwarded-Host";

	private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");

	static ClientOrigin of(ServerHttpRequest request, TrustedProxies trustedProxies) {
		InetSocketAddress peer = request.getRemoteAddress();
		InetAddress peerAddress = (peer != null) ? peer.getAddress() : null;
		String ownScheme = (request.getSslInfo() != null) ? "https" : "http";
		String ownHost = validHost(request.getHeaders().getFirst(HttpHeaders.HOST));
		if (peerAddress == null || !trustedProxies.contains(peerAddress)) {
			return new ClientOrigin(peerAddress, ownScheme, ownHost);
		}
		HttpHeaders headers = request.getHeaders();
		String forwardedProto = last(headers.getValuesAsList(X_FORWARDED_PROTO));
		String scheme = ("https".equalsIgnoreCase(forwardedProto) || "http".equalsIgnoreCase(forwardedProto))
				? forwardedProto.toLowerCase(Locale.ROOT) : ownScheme;
		String forwardedHost = validHost(last(headers.getValuesAsList(X_FORWARDED_HOST)));
		return new ClientOrigin(clientBehind(peerAddress, headers.getValuesAsList(X_FORWARDED_FOR), trustedProxies),
				scheme, (forwardedHost != null) ? forwardedHost : ownHost);
	}

	/**
	 * Walks {@code X-Forwarded-For} from the right, where our own proxies appended what they saw: the first address
	 * that is not one of them is the client. Anything left of it was written by the client and proves nothing.
	 */
	static InetAddress clientBehind(InetAddress peer, List<String> forwardedFor, TrustedProxies trustedProxies) {
		List<String> hops = new ArrayList<>();
		for (String value : forwardedFor) {
			for (String hop : value.split(",")) {
				hops.add(hop.trim());
			}
		}
		InetAddress client = peer;
		for (int i = hops.size() - 1; i >= 0; i--) {
			InetAddress hop = AddressRange.literal(unbracketed(hops.get(i)));
			if (hop == null) {
				// Garbage (or "unknown"): the proxy that passed it on is the last address anyone vouches for.
				break;
			}
			client = hop;
			if (!trustedProxies.contains(hop)) {
				break;
			}
		}
		return client;
	}

	/** {@code [2001:db8::1]:443} and {@code 192.0.2.1:443} as some proxies write them, without the port. */
	private static String unbracketed(String hop) {
		if (hop.startsWith("[")) {
			int end = hop.indexOf(']');
			return (end > 0) ? hop.substring(1, end) : hop;
		}
		int colon = hop.indexOf(':');
		if (colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') > 0) {
			return hop.substring(0, colon);
		}
		return hop;
	}

	private static String last(List<String> values) {
		if (values.isEmpty()) {
			return null;
		}
		String value = values.get(values.size() - 1);
		int comma = value.lastIndexOf(',');
		return ((comma >= 0) ? value.substring(comma + 1) : value).trim();
	}

	private static String validHost(String host) {
		return (host != null && HOST.matcher(host).matches()) ? host : null;
	}

}
