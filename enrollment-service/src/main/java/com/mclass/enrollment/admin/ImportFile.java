package com.mclass.enrollment.admin;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.mclass.enrollment.EnrollmentErrorCode;
import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ErrorDetail;

/**
 * Reads a bulk-enrollment file as it arrives (Apache Commons CSV, RFC 4180, UTF-8 with or without a byte-order mark):
 * a header row naming {@code email}, optionally {@code status}, and answers as {@code q:<questionId>}; then one student
 * per line. Bytes and lines are counted while reading, so an oversized upload is refused without being read to its
 * end. A file that cannot be read is {@code CSV_MALFORMED} naming the line or column; nothing here throws anything
 * else.
 */
final class ImportFile {

	static final String EMAIL = "email";

	static final String STATUS = "status";

	static final String ANSWER_PREFIX = "q:";

	private ImportFile() {
	}

	/** One student line: its line number in the file (the header is line 1), and its cells as written. */
	record Line(int number, String email, String status, Map<String, String> answers) {
	}

	static List<Line> read(InputStream body, long declaredLength, ImportProperties limits) {
		if (declaredLength > limits.maxSize().toBytes()) {
			throw tooLarge("more than " + limits.maxSize().toBytes() + " bytes");
		}
		Reader reader = new InputStreamReader(new Bounded(body, limits.maxSize().toBytes()), StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.setAllowMissingColumnNames(true)
			.get();
		long lineBefore = 0;
		try (CSVParser parser = format.parse(reader)) {
			Map<String, Integer> header = header(parser);
			List<Line> lines = new ArrayList<>();
			Iterator<CSVRecord> records = parser.iterator();
			lineBefore = parser.getCurrentLineNumber();
			while (records.hasNext()) {
				CSVRecord record = records.next();
				int number = (int) lineBefore + 1;
				lineBefore = parser.getCurrentLineNumber();
				if (lines.size() == limits.maxLines()) {
					throw tooLarge("more than " + limits.maxLines() + " lines");
				}
				lines.add(line(number, record, header));
			}
			return lines;
		}
		catch (ApiException ex) {
			throw ex;
		}
		catch (TooLarge ex) {
			throw tooLarge("more than " + limits.maxSize().toBytes() + " bytes");
		}
		catch (UncheckedIOException | IOException | IllegalStateException | IllegalArgumentException ex) {
			Throwable cause = (ex instanceof UncheckedIOException unchecked) ? unchecked.getCause() : ex;
			if (cause instanceof TooLarge) {
				throw tooLarge("more than " + limits.maxSize().toBytes() + " bytes");
			}
			String reason = (cause instanceof CharacterCodingException) ? "not UTF-8 text" : String.valueOf(cause.getMessage());
			throw malformed("line " + (lineBefore + 1), reason);
		}
	}

	private static Map<String, Integer> header(CSVParser parser) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		String unknown = null;
		for (Map.Entry<String, Integer> column : parser.getHeaderMap().entrySet()) {
			String name = column.getKey().replace("\uFEFF", "").strip(); // a byte-order mark (Excel's UTF-8)
			String key = name.toLowerCase(Locale.ROOT);
			if (key.equals(EMAIL) || key.equals(STATUS)) {
				columns.put(key, column.getValue());
			}
			else if (key.startsWith(ANSWER_PREFIX) && name.length() > ANSWER_PREFIX.length()) {
				columns.put(ANSWER_PREFIX + name.substring(ANSWER_PREFIX.length()).strip(), column.getValue());
			}
			else if (!name.isEmpty() && unknown == null) {
				unknown = name;
			}
		}
		if (!columns.containsKey(EMAIL)) {
			throw malformed(EMAIL, "the header row names no email column");
		}
		if (unknown != null) {
			throw malformed("header", "unknown column '" + unknown + "': expected email, status or q:<questionId>");
		}
		return columns;
	}

	private static Line line(int number, CSVRecord record, Map<String, Integer> header) {
		Map<String, String> answers = new LinkedHashMap<>();
		String email = null;
		String status = null;
		for (Map.Entry<String, Integer> column : header.entrySet()) {
			String value = (column.getValue() < record.size()) ? record.get(column.getValue()).strip() : "";
			if (column.getKey().equals(EMAIL)) {
				email = value;
			}
			else if (column.getKey().equals(STATUS)) {
				status = value.isEmpty() ? null : value;
			}
			else if (!value.isEmpty()) {
				answers.put(column.getKey().substring(ANSWER_PREFIX.length()), value);
			}
		}
		return new Line(number, email, status, answers);
	}

	static ApiException malformed(String field, String reason) {
		return new ApiException(EnrollmentErrorCode.CSV_MALFORMED, null, List.of(new ErrorDetail(field, reason)));
	}

	private static ApiException tooLarge(String reason) {
		return new ApiException(EnrollmentErrorCode.IMPORT_TOO_LARGE, null, List.of(new ErrorDetail("body", reason)));
	}

	/** Counts the bytes read and fails past the limit. */
	private static final class Bounded extends FilterInputStream {

		private final long limit;

		private long count;

		Bounded(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws TooLarge {
			this.count += n;
			if (this.count > this.limit) {
				throw new TooLarge();
			}
		}

	}

	/** The byte limit was passed. */
	private static final class TooLarge extends IOException {

		TooLarge() {
			super("too large");
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this; // a client's mistake: no stack trace
		}

	}

}
