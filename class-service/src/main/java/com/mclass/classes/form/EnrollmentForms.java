package com.mclass.classes.form;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.mclass.formrules.Question;

/**
 * The form versions of every class, one row per version with the questions as JSON. Append-only, so plain SQL; the
 * unique (class, version) index serves both "active version" and "version n".
 */
@Repository
public class EnrollmentForms {

	private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, mclass_id, version, title, description, questions, created_by, created_at";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	EnrollmentForms(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The active form of a class: its latest version. */
	public Optional<EnrollmentForm> findActive(UUID classId) {
		return this.jdbc
			.query("select " + COLUMNS + " from enrollment_form where mclass_id = ? order by version desc limit 1", this::form, classId)
			.stream()
			.findFirst();
	}

	public Optional<EnrollmentForm> findVersion(UUID classId, int version) {
		return this.jdbc
			.query("select " + COLUMNS + " from enrollment_form where mclass_id = ? and version = ?", this::form, classId, version)
			.stream()
			.findFirst();
	}

	/** Every version of a class's form, newest first. */
	public List<EnrollmentForm> findAll(UUID classId) {
		return this.jdbc.query("select " + COLUMNS + " from enrollment_form where mclass_id = ? order by version desc", this::form, classId);
	}

	/** The number the next version of a class's form gets; the caller holds the class's lock. */
	int nextVersion(UUID classId) {
		Integer latest = this.jdbc.queryForObject("select max(version) from enrollment_form where mclass_id = ?", Integer.class, classId);
		return (latest != null) ? latest + 1 : 1;
	}

	void add(EnrollmentForm form) {
		this.jdbc.update("insert into enrollment_form (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)", form.id(),
				form.classId(), form.version(), form.title(), form.description(), this.json.writeValueAsString(form.questions()),
				form.createdBy(), java.sql.Timestamp.from(form.createdAt()));
	}

	private EnrollmentForm form(ResultSet rs, int row) throws SQLException {
		return new EnrollmentForm(rs.getObject("id", UUID.class), rs.getObject("mclass_id", UUID.class), rs.getInt("version"),
				rs.getString("title"), rs.getString("description"), this.json.readValue(rs.getString("questions"), QUESTIONS),
				rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant());
	}

}
