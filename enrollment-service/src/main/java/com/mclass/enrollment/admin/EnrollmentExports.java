package com.mclass.enrollment.admin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.mclass.enrollment.enrollment.Enrollment;
import com.mclass.enrollment.enrollment.Enrollments;
import com.mclass.enrollment.seat.FormSnapshots;
import com.mclass.enrollment.seat.KnownClasses;
import com.mclass.formrules.Question;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * A class's enrollments as CSV for Excel: UTF-8 with a byte order mark (so Excel reads Korean correctly), RFC 4180
 * quoting, CRLF line ends, one column per question of every form version the enrollments answered. Every cell that
 * a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return first) is prefixed with {@code '}.
 * Rows are streamed from one cursor: the export's memory does not grow with the class.
 */
@Component
public class EnrollmentExports {

	private static final byte[] BYTE_ORDER_MARK = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final List<String> FIXED_COLUMNS = List.of("enrollmentId", "userId", "email", "name", "status", "appliedAt",
			"decidedAt", "canceledAt", "reason", "formVersion");

	private final Enrollments enrollments;

	private final FormSnapshots forms;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DateTimeFormatter timestamps;

	private final KnownClasses classes;

	EnrollmentExports(Enrollments enrollments, FormSnapshots forms, KnownClasses classes, JdbcClient jdbc, JsonMapper json,
			@Value("${mclass.enrollment.export-zone:Asia/Seoul}") ZoneId zone) {
		this.enrollments = enrollments;
		this.classes = classes;
		this.forms = forms;
		this.jdbc = jdbc;
		this.json = json;
		this.timestamps = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
	}

	/** A deleted class can still be exported; an unknown one is a 404. */
	public void requireClass(UUID classId) {
		this.classes.find(classId).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
	}

	@Transactional(readOnly = true)
	public void write(UUID classId, OutputStream out) throws IOException {
		Map<String, String> questionColumns = questionColumns(classId);
		out.write(BYTE_ORDER_MARK);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		List<String> header = new ArrayList<>(FIXED_COLUMNS);
		header.addAll(questionColumns.values());
		writeRow(writer, header);
		try {
			this.enrollments.forEachInClass(classId, (enrollment) -> {
				try {
					writeRow(writer, row(enrollment, questionColumns));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		writer.flush();
	}

	/** Question id → column title, newest form version first, each question once. */
	private Map<String, String> questionColumns(UUID classId) {
		List<Integer> versions = this.jdbc
			.sql("SELECT DISTINCT form_version FROM enrollment WHERE mclass_id = ? AND form_version IS NOT NULL ORDER BY 1 DESC")
			.param(classId)
			.query(Integer.class)
			.list();
		Map<String, String> columns = new LinkedHashMap<>();
		for (Integer version : versions) {
			for (Question question : this.forms.questions(classId, version)) {
				String title = (question.label() != null && !question.label().isBlank()) ? question.label() : question.id();
				columns.putIfAbsent(question.id(), title);
			}
		}
		return columns;
	}

	private List<String> row(Enrollment enrollment, Map<String, String> questionColumns) {
		List<String> cells = new ArrayList<>(FIXED_COLUMNS.size() + questionColumns.size());
		cells.add(enrollment.id().toString());
		cells.add(enrollment.userId().toString());
		cells.add(enrollment.recipient().email());
		cells.add(enrollment.recipient().name());
		cells.add(enrollment.status().name());
		cells.add(time(enrollment.appliedAt()));
		cells.add(time(enrollment.decidedAt()));
		cells.add(time(enrollment.canceledAt()));
		cells.add(enrollment.reason());
		cells.add((enrollment.formVersion() != null) ? enrollment.formVersion().toString() : null);
		for (String questionId : questionColumns.keySet()) {
			cells.add(answer(enrollment.answers().get(questionId)));
		}
		return cells;
	}

	private String time(Instant instant) {
		return (instant != null) ? this.timestamps.format(instant) : null;
	}

	private String answer(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Collection<?> choices) {
			return String.join("; ", choices.stream().map(String::valueOf).toList());
		}
		if (value instanceof Map<?, ?>) {
			return this.json.writeValueAsString(value);
		}
		return String.valueOf(value);
	}

	static void writeRow(Writer writer, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(cell(cells.get(i)));
		}
		writer.write("\r\n");
	}

	/** One field: neutralized if a spreadsheet would evaluate it, quoted if it holds a separator, quote or line break. */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = value;
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
