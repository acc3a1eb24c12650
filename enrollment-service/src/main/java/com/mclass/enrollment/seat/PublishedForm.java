package com.mclass.enrollment.seat;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * A version of a class's enrollment form: {@code EnrollmentFormPublished}'s data, or the {@code form} of the internal
 * seat-config answer. The questions are kept as class-service wrote them (form-rules' Question list), so the snapshot
 * is exactly what was published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedForm(UUID classId, @JsonAlias("formVersion") Integer version, JsonNode questions) {
}
