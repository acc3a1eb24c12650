package com.mclass.gateway.forwarding;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A CIDR block such as {@code 10.0.0.0/16} or {@code 2001:db8::/32}; a bare address is a block of one. Addresses are
 * parsed as literals only: a header value must never trigger a DNS lookup.
 */
final class AddressRange {

	private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

	private final byte[] network;

	private final int prefixLength;

	private AddressRange(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/** @throws IllegalArgumentException when the text is not an address or a CIDR block */
	static AddressRange parse(String cidr) {
		String text = cidr.trim();
		int slash = text.indexOf('/');
		InetAddress address = literal((slash < 0) ? text : text.substring(0, slash));
		if (address == null) {
			throw new IllegalArgumentException("Not an IP address or CIDR block: '" + cidr + "'");
		}
		int bits = address.getAddress().length * 8;
		int prefixLength = bits;
		if (slash >= 0) {
			try {
				prefixLength = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				prefixLength = -1;
			}
			if (prefixLength < 0 || prefixLength > bits) {
				throw new IllegalArgumentException("Not a valid prefix length in '" + cidr + "'");
			}
		}
		return new AddressRange(address.getAddress(), prefixLength);
	}

	/** The address written in the text, or {@code null} if the text is not an IP address literal. */
	static InetAddress literal(String text) {
		String candidate = text.trim();
		boolean ipv4 = false;
		var dotted = IPV4.matcher(candidate);
		if (dotted.matches()) {
			for (int group = 1; group <= 4; group++) {
				if (Integer.parseInt(dotted.group(group)) > 255) {
					return null;
				}
			}
			ipv4 = true;
		}
		if (!ipv4 && !IPV6.matcher(candidate).matches()) {
			return null;
		}
		try {
			// Only literals reach this point (four decimal octets or a text with a colon), which Java parses without
			// consulting DNS.
			return InetAddress.getByName(candidate);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	boolean contains(InetAddress address) {
		byte[] candidate = address.getAddress();
		if (candidate.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (candidate[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xFF << (8 - remainingBits)) & 0xFF;
		return (candidate[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	@Override
	public String toString() {
		try {
			return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefixLength;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
