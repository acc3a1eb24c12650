package com.mclass.platform.web.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Requests that no controller or actuator endpoint handles. They are let through to MVC, which answers 404 in the
 * envelope; demanding a token first would answer 401 for a route that does not exist, and a client could not tell
 * a typo from a missing login. Only handler-method mappings count: the static-resource mapping matches any path.
 */
final class UnmappedRequests implements RequestMatcher {

	private final HandlerMappingIntrospector introspector;

	UnmappedRequests(HandlerMappingIntrospector introspector) {
		this.introspector = introspector;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		HttpServletRequest probe = new IsolatedAttributes(request);
		ServletRequestPathUtils.parseAndCache(probe);
		for (HandlerMapping mapping : this.introspector.getHandlerMappings()) {
			if (mapping instanceof AbstractHandlerMethodMapping<?> methods) {
				try {
					if (methods.getHandler(probe) != null) {
						return false;
					}
				}
				catch (Exception ex) {
					// e.g. the path exists for another method: a mapped route, so the normal rules apply
					return false;
				}
			}
		}
		return true;
	}

	/** Keeps the attributes a lookup sets (matched pattern, path variables) off the real request. */
	private static final class IsolatedAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		private final Set<String> removed = new HashSet<>();

		IsolatedAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			if (this.attributes.containsKey(name)) {
				return this.attributes.get(name);
			}
			return this.removed.contains(name) ? null : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
			this.removed.remove(name);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
			this.removed.add(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
			names.removeAll(this.removed);
			names.addAll(this.attributes.keySet());
			return Collections.enumeration(names);
		}

	}

}
