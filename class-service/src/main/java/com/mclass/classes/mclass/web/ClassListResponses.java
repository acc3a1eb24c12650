package com.mclass.classes.mclass.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import com.mclass.classes.mclass.ClassListSnapshot;
import com.mclass.classes.mclass.ClassPage;
import com.mclass.classes.mclass.ClassSearch;
import com.mclass.classes.mclass.ClassView;
import com.mclass.platform.web.ApiResponse;

/**
 * Class list answers rendered once: the JSON bytes and their ETag, per snapshot, search and audience, until the
 * snapshot changes or a recruit window boundary passes (recruit states move with the clock). A reload of the page
 * every student does before a rush is then a map lookup, or a 304.
 */
@Component
class ClassListResponses {

	private static final int MAX_ENTRIES = 2_000;

	private final JsonMapper json;

	private final Map<Key, Rendered> rendered = new ConcurrentHashMap<>();

	ClassListResponses(JsonMapper json) {
		this.json = json;
	}

	Rendered of(ClassListSnapshot.Listing listing, ClassSearch search, boolean includeUnlisted, Instant now) {
		Key key = new Key(listing.generation(), search, includeUnlisted);
		Rendered cached = this.rendered.get(key);
		if (cached != null && cached.validAt(now)) {
			return cached;
		}
		Rendered fresh = render(listing.page(), listing.changesAt());
		if (this.rendered.size() >= MAX_ENTRIES) {
			this.rendered.clear();
		}
		this.rendered.put(key, fresh);
		return fresh;
	}

	/** A page read from the database: rendered for this request only. */
	Rendered of(ClassPage page) {
		return render(page, Instant.MIN);
	}

	private Rendered render(ClassPage page, Instant changesAt) {
		List<ClassView> content = page.content();
		byte[] body = this.json.writeValueAsBytes(
				ApiResponse.ok(content, new PageMeta(page.page(), page.size(), page.totalElements(), page.totalPages())));
		return new Rendered(body, etag(body), changesAt);
	}

	private static String etag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** @param changesAt the first moment this answer may be wrong ({@code null}: not before the snapshot changes) */
	record Rendered(byte[] body, String etag, Instant changesAt) {

		boolean validAt(Instant now) {
			return this.changesAt == null || now.isBefore(this.changesAt);
		}

	}

	private record Key(long generation, ClassSearch search, boolean includeUnlisted) {
	}

}
