package com.mclass.enrollment.remote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code data} of another MClass service's success envelope; the rest of the envelope is not needed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope<T>(T data) {
}
