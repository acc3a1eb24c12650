package com.mclass.auth.terms.web;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.mclass.auth.terms.Term;
import com.mclass.auth.terms.TermType;

record TermView(UUID id, TermType type, String title, String content, int version,
		@JsonProperty("isRequired") boolean isRequired) {

	static TermView of(Term term) {
		return new TermView(term.getId(), term.getType(), term.getTitle(), term.getContent(), term.getVersion(), term.isRequired());
	}

}
