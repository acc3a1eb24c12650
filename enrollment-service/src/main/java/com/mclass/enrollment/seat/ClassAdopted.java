package com.mclass.enrollment.seat;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Published inside the transaction that applied a {@code ClassCreated} or {@code ClassUpdated} event, with the event's
 * data, for features that keep class settings of their own (the waiting room's {@code rushProtected}).
 */
public record ClassAdopted(UUID classId, long version, JsonNode data) {
}
