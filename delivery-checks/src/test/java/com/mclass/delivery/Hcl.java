package com.mclass.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HCL for structural checks without terraform: comments removed, string and heredoc contents blanked
 * (same length, so positions still match), blocks and their top-level attributes found.
 */
final class Hcl {

	final String text;

	/** The text with comments replaced by spaces. */
	final String code;

	/** The code with the contents of strings and heredocs replaced by spaces: brackets here are syntax. */
	final String blanked;

	final List<String> problems = new ArrayList<>();

	Hcl(String text) {
		this.text = text;
		StringBuilder code = new StringBuilder(text);
		StringBuilder blanked = new StringBuilder(text);
		int i = 0;
		int n = text.length();
		while (i < n) {
			char c = text.charAt(i);
			if (c == '#' || (c == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
				int end = text.indexOf('\n', i);
				end = (end < 0) ? n : end;
				blank(code, i, end);
				blank(blanked, i, end);
				i = end;
			}
			else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
				int end = text.indexOf("*/", i + 2);
				end = (end < 0) ? n : end + 2;
				blank(code, i, end);
				blank(blanked, i, end);
				i = end;
			}
			else if (c == '<' && text.startsWith("<<", i)) {
				Matcher heredoc = Pattern.compile("<<-?([A-Za-z_]+)\\n").matcher(text).region(i, n);
				if (heredoc.lookingAt()) {
					Matcher terminator = Pattern.compile("(?m)^\\s*" + heredoc.group(1) + "\\s*$").matcher(text);
					int end = terminator.find(heredoc.end()) ? terminator.end() : -1;
					if (end < 0) {
						this.problems.add("heredoc " + heredoc.group(1) + " is not terminated");
						end = n;
					}
					blank(blanked, heredoc.end(), end);
					i = end;
				}
				else {
					i++;
				}
			}
			else if (c == '"') {
				int j = i + 1;
				int depth = 0;
				while (j < n) {
					char d = text.charAt(j);
					if (d == '\\') {
						j += 2;
						continue;
					}
					if (d == '$' && j + 1 < n && text.charAt(j + 1) == '{') {
						depth++;
						j += 2;
						continue;
					}
					if (d == '}' && depth > 0) {
						depth--;
					}
					else if (d == '"' && depth == 0) {
						break;
					}
					else if (d == '\n' && depth == 0) {
						this.problems.add("unterminated string at offset " + i);
						break;
					}
					j++;
				}
				blank(blanked, i + 1, Math.min(j, n));
				i = Math.min(j + 1, n);
			}
			else {
				i++;
			}
		}
		this.code = code.toString();
		this.blanked = blanked.toString();
	}

	private static void blank(StringBuilder text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) != '\n') {
				text.setCharAt(i, ' ');
			}
		}
	}

	/** Unbalanced brackets, unterminated strings or heredocs. */
	List<String> syntaxProblems() {
		List<String> found = new ArrayList<>(this.problems);
		String open = "{[(";
		String close = "}])";
		java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>();
		for (int i = 0; i < this.blanked.length(); i++) {
			char c = this.blanked.charAt(i);
			if (open.indexOf(c) >= 0) {
				stack.push(c);
			}
			else if (close.indexOf(c) >= 0) {
				if (stack.isEmpty() || open.indexOf(stack.pop()) != close.indexOf(c)) {
					found.add("unbalanced '" + c + "' at line " + line(i));
					return found;
				}
			}
		}
		if (!stack.isEmpty()) {
			found.add(stack.size() + " unclosed bracket(s)");
		}
		return found;
	}

	int line(int offset) {
		return (int) this.text.substring(0, offset).chars().filter((c) -> c == '\n').count() + 1;
	}

	/** A labelled block: {@code type "label" {...}} (also {@code type "a" "b"}); body without the braces. */
	record Block(String type, List<String> labels, String body, String blankedBody) {

		String label() {
			return this.labels.isEmpty() ? "" : this.labels.get(0);
		}

		/** Attribute name to its expression text, for the attributes directly in this block. */
		Map<String, String> attributes() {
			Map<String, String> attributes = new LinkedHashMap<>();
			int depth = 0;
			int lineStart = 0;
			for (int i = 0; i <= this.blankedBody.length(); i++) {
				if (i == this.blankedBody.length() || this.blankedBody.charAt(i) == '\n') {
					String line = this.blankedBody.substring(lineStart, i);
					if (depth == 0) {
						// Names as identifiers or quoted ("admin-password" = ...), read from the code line.
						Matcher attribute = Pattern.compile("^\\s*\"?([A-Za-z_][A-Za-z0-9_-]*)\"?\\s*=(?![=>])")
							.matcher(this.body.substring(lineStart, i));
						if (attribute.find()) {
							attributes.put(attribute.group(1), this.body.substring(lineStart + attribute.end(), i).strip());
						}
					}
					for (char c : line.toCharArray()) {
						if (c == '{' || c == '[' || c == '(') {
							depth++;
						}
						else if (c == '}' || c == ']' || c == ')') {
							depth--;
						}
					}
					lineStart = i + 1;
				}
			}
			return attributes;
		}

		/** Nested blocks directly in this block ({@code type {} } or {@code type "label" {}}). */
		List<Block> blocks() {
			return Hcl.blocks(this.body, this.blankedBody);
		}

	}

	List<Block> blocks() {
		return blocks(this.code, this.blanked);
	}

	List<Block> blocks(String type) {
		return blocks().stream().filter((block) -> block.type().equals(type)).toList();
	}

	private static List<Block> blocks(String code, String blanked) {
		List<Block> blocks = new ArrayList<>();
		Pattern header = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_]*)((?:\\s+\"[^\"]*\")*)\\s*\\{");
		int depth = 0;
		int i = 0;
		while (i < blanked.length()) {
			char c = blanked.charAt(i);
			if (depth == 0) {
				Matcher matcher = header.matcher(blanked).region(i, blanked.length());
				if (matcher.lookingAt()) {
					int open = matcher.end() - 1;
					int close = matching(blanked, open);
					List<String> labels = new ArrayList<>();
					Matcher label = Pattern.compile("\"([^\"]*)\"")
						.matcher(code.substring(matcher.start(2), matcher.end(2)));
					while (label.find()) {
						labels.add(label.group(1));
					}
					blocks.add(new Block(matcher.group(1), labels, code.substring(open + 1, close),
							blanked.substring(open + 1, close)));
					i = close + 1;
					continue;
				}
			}
			if (c == '{' || c == '[' || c == '(') {
				depth++;
			}
			else if (c == '}' || c == ']' || c == ')') {
				depth--;
			}
			i++;
		}
		return blocks;
	}

	private static int matching(String blanked, int open) {
		int depth = 0;
		for (int i = open; i < blanked.length(); i++) {
			char c = blanked.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return blanked.length() - 1;
	}

	/** Names after {@code prefix.} in the code (strings and their interpolations included). */
	Set<String> references(String prefix) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("(?<![A-Za-z0-9_.])" + Pattern.quote(prefix) + "\\.([A-Za-z_][A-Za-z0-9_-]*)")
			.matcher(this.code);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** {@code module.<name>.<output>} pairs. */
	Set<List<String>> moduleOutputReferences() {
		Set<List<String>> references = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("(?<![A-Za-z0-9_.])module\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\[[^\\]]*\\])?\\.([A-Za-z_][A-Za-z0-9_]*)")
			.matcher(this.code);
		while (matcher.find()) {
			references.add(List.of(matcher.group(1), matcher.group(2)));
		}
		return references;
	}

}
