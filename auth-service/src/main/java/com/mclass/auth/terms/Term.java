package com.mclass.auth.terms;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of a term. Never changed once published: agreements point at the exact text agreed to. */
@Entity
@Table(name = "term")
public class Term {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	private TermType type;

	private String title;

	@Column(columnDefinition = "text")
	private String content;

	@Column(name = "is_required")
	private boolean required;

	private int version;

	private Instant createdAt;

	protected Term() {
	}

	Term(TermType type, String title, String content, boolean required, int version, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.type = type;
		this.title = title;
		this.content = content;
		this.required = required;
		this.version = version;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return this.id;
	}

	public TermType getType() {
		return this.type;
	}

	public String getTitle() {
		return this.title;
	}

	public String getContent() {
		return this.content;
	}

	public boolean isRequired() {
		return this.required;
	}

	public int getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
