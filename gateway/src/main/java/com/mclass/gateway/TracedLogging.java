package com.mclass.gateway;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.util.context.ContextView;

/**
 * Puts a request's trace (and whatever else travels in its Reactor context) into the logging thread's MDC for the
 * few log lines the gateway writes on the request path.
 * <p>
 * Why not {@code spring.reactor.context-propagation=auto}: that restores the thread locals around every signal of
 * every operator of every request, which cost about a tenth of the gateway's CPU under a rush (JFR, decision record
 * 0005) to serve a handful of warnings. With {@code limited}, the places that log open this scope themselves.
 */
public final class TracedLogging {

	private static final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

	private TracedLogging() {
	}

	/** Open around a log statement; closing it restores the thread as it was. */
	public static ContextSnapshot.Scope scope(ContextView context) {
		return snapshots.setThreadLocalsFrom(context);
	}

}
