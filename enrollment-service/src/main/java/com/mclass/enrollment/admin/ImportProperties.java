package com.mclass.enrollment.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of a bulk-enrollment file: larger ones are refused with 413 {@code IMPORT_TOO_LARGE} as soon as the
 * limit is passed, without reading further.
 * @param maxLines the most student lines (the header not counted)
 * @param maxSize the most bytes
 */
@ConfigurationProperties("mclass.enrollment.import")
record ImportProperties(@DefaultValue("10000") int maxLines, @DefaultValue("5MB") DataSize maxSize) {
}
