package com.mclass.gateway.admission;

import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * New connections are accepted on threads of their own. By default Reactor Netty accepts on the same event loops that
 * run every request's filter chain (token check, proxying): in an enrollment rush those loops are saturated, the
 * kernel's accept queue (at most {@code net.core.somaxconn}, 4,096 here) fills within two seconds, and every
 * connection dropped from it costs its client a SYN retry after 1 s, 3 s, 7 s — 4,572 such drops in one 5,000-student
 * run, the largest part of its p99. Accepting is cheap; on a dedicated thread it keeps up, and a request that cannot be
 * served yet waits in the gateway, in arrival order, instead of in the client's retry timer.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionAcceptance {

	/**
	 * The server's event loops (Boot runs the web server on this factory's loops, after any server customizer, so it is
	 * the one place to choose them): {@code mclass.gateway.accept-threads} accepting threads, and Reactor Netty's default
	 * number of request loops (the cores, at least 4). The factory starts and disposes them with the context.
	 */
	@Bean
	ReactorResourceFactory reactorResourceFactory(@Value("${mclass.gateway.accept-threads}") int acceptThreads) {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setLoopResourcesSupplier(
				() -> LoopResources.create("gateway-http", acceptThreads, LoopResources.DEFAULT_IO_WORKER_COUNT, true));
		return factory;
	}

}
