package com.mclass.gateway.forwarding;

import java.net.InetAddress;
import java.util.List;

/** The address ranges of {@link ForwardingProperties#trustedProxies()}, parsed once. */
final class TrustedProxies {

	private final List<AddressRange> ranges;

	private TrustedProxies(List<AddressRange> ranges) {
		this.ranges = ranges;
	}

	/** @throws IllegalArgumentException on a malformed block: a typo must stop the gateway, not trust the wrong peers */
	static TrustedProxies of(List<String> blocks) {
		return new TrustedProxies(blocks.stream().filter((block) -> !block.isBlank()).map(AddressRange::parse).toList());
	}

	boolean contains(InetAddress address) {
		for (AddressRange range : this.ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return this.ranges.toString();
	}

}
