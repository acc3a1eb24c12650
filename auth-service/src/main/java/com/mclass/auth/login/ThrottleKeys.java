package com.mclass.auth.login;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The part of a client address that identifies one client for throttling. An IPv6 host usually gets a whole /64
 * (SLAAC, privacy addresses), so keying on the full address would give one attacker 2^64 fresh counters: IPv6
 * addresses count by their /64, IPv4 (and IPv4-mapped IPv6) by the address.
 */
public final class ThrottleKeys {

	private ThrottleKeys() {
	}

	/** {@code address} is what {@link ClientAddresses#of} returned: an IP literal (or, failing that, anything). */
	public static String of(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		// Only a literal with a colon is parsed: InetAddress would resolve anything else through DNS.
		if (address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.]{2,45}")) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 4) {
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException | SecurityException ex) {
			return address;
		}
	}

}
