package com.mclass.auth.login;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address of the client behind the gateway. {@code X-Forwarded-For} is read only when the connection comes from
 * a trusted proxy, and then from the right: the last entry not added by a trusted proxy is the one the gateway saw
 * connecting. Entries further left were written by the client and prove nothing.
 */
public class ClientAddresses {

	private final List<IpAddressMatcher> trustedProxies;

	ClientAddresses(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(String::trim).filter((s) -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
	}

	public String of(HttpServletRequest request) {
		String remote = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || forwarded.isBlank() || !isTrusted(remote)) {
			return remote;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (hop.isEmpty()) {
				continue;
			}
			if (!isIpLiteral(hop)) {
				// Not an address at all: the chain is broken, so believe only the peer.
				return remote;
			}
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return remote;
	}

	/** Checked before any matching: a host name would make the matcher resolve it through DNS. */
	private static boolean isIpLiteral(String text) {
		return text.length() <= 45 && text.matches("[0-9A-Fa-f:.]+");
	}

	private boolean isTrusted(String address) {
		if (address == null || !isIpLiteral(address)) {
			return false;
		}
		try {
			for (IpAddressMatcher matcher : this.trustedProxies) {
				if (matcher.matches(address)) {
					return true;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// not an IP address (a forged header): not a proxy of ours
		}
		return false;
	}

}
