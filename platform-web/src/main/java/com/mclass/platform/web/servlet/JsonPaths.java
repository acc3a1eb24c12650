package com.mclass.platform.web.servlet;

import java.util.List;

import tools.jackson.core.JacksonException;

/** Renders a Jackson reference path as the dotted field name a client recognises, e.g. {@code answers.q1} or {@code items[2].id}. */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? "body" : field.toString();
	}

}
