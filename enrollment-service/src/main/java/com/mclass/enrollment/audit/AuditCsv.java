package com.mclass.enrollment.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Component;

/**
 * The feed as CSV for spreadsheets: UTF-8 with a byte-order mark (Excel), RFC 4180 quoting, CRLF line ends, a header
 * row, one row per entry as the database hands them over (nothing is held back). {@code details} is one cell of
 * {@code key=value} pairs. Cells a spreadsheet would evaluate as a formula are neutralized with a leading apostrophe,
 * as in the enrollments export.
 */
@Component
public class AuditCsv {

	static final String[] HEADER = { "occurredAt", "type", "actorType", "actorId", "subjectType", "subjectId", "details" };

	private final AuditFeed feed;

	AuditCsv(AuditFeed feed) {
		this.feed = feed;
	}

	public void write(AuditFilter filter, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
		try {
			this.feed.each(filter, (entry) -> {
				try {
					printer.printRecord(entry.occurredAt().toString(), entry.type().name(), cell(entry.actorType()),
							(entry.actorId() != null) ? entry.actorId().toString() : "", cell(entry.subjectType()),
							entry.subjectId().toString(), cell(details(entry.details())));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		printer.flush();
	}

	private static String details(Map<String, Object> details) {
		return details.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + Objects.toString(entry.getValue(), ""))
			.collect(Collectors.joining("; "));
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') ? "'" + value : value;
	}

}
