package com.mclass.enrollment.seat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.formrules.Question;

/**
 * Every form version a class published, once per version: an enrollment points at the exact questions it answered by
 * (class, form version). A published version never changes, so its parsed questions are cached in memory, which is
 * correct on every replica without any invalidation.
 */
@Repository
public class FormSnapshots {

	private static final int MAX_CACHED = 10_000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ObjectReader questionsReader;

	private final Map<Key, List<Question>> cache = new ConcurrentHashMap<>();

	FormSnapshots(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.questionsReader = json.readerFor(new TypeReference<List<Question>>() {
		}).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	/** The questions of a form version; none when the class had no form ({@code version} null). */
	public List<Question> questions(UUID classId, Integer version) {
		if (version == null) {
			return List.of();
		}
		Key key = new Key(classId, version);
		List<Question> cached = this.cache.get(key);
		if (cached != null) {
			return cached;
		}
		String questions = this.jdbc.sql("SELECT questions FROM form_snapshot WHERE class_id = ? AND form_version = ?")
			.params(classId, version)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("Form version " + version + " of class " + classId + " is not recorded"));
		List<Question> parsed = List.copyOf(this.questionsReader.readValue(questions));
		if (this.cache.size() >= MAX_CACHED) {
			this.cache.clear();
		}
		this.cache.put(key, parsed);
		return parsed;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(UUID classId, int version, JsonNode questions) {
		// Checked here, before it is stored: a form whose questions cannot be read would fail every enrollment later.
		List<Question> parsed = this.questionsReader.readValue(questions);
		if (parsed.stream().anyMatch((question) -> question == null || question.id() == null || question.type() == null)) {
			throw new IllegalArgumentException("Form version " + version + " of class " + classId + " has an incomplete question");
		}
		this.jdbc.sql("INSERT INTO form_snapshot (class_id, form_version, questions) VALUES (?, ?, CAST(? AS jsonb)) "
				+ "ON CONFLICT (class_id, form_version) DO NOTHING")
			.params(classId, version, this.json.writeValueAsString(questions))
			.update();
	}

	/** The newest version recorded for a class, e.g. one published before the class itself reached this service. */
	Optional<Integer> latestVersion(UUID classId) {
		return this.jdbc.sql("SELECT max(form_version) FROM form_snapshot WHERE class_id = ?")
			.param(classId)
			.query(Integer.class)
			.optional();
	}

	private record Key(UUID classId, int version) {
	}

}
