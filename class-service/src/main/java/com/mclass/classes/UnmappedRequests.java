package com.mclass.classes;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Requests no controller or endpoint of this service handles. Letting them through security lets the dispatcher
 * answer 404 NOT_FOUND in the envelope, as the platform's service conventions require, instead of a 401 that would
 * suggest the route exists. Every mapped route stays behind the normal rules; a route that exists for another method
 * counts as mapped.
 */
final class UnmappedRequests implements RequestMatcher {

	private final HandlerMappingIntrospector introspector;

	UnmappedRequests(HandlerMappingIntrospector introspector) {
		this.introspector = introspector;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		try {
			return this.introspector.getMatchableHandlerMapping(request) == null;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
