package com.mclass.enrollment.enrollment;

/** Who notification-service writes to about an enrollment, in which language. */
public record Recipient(String email, String name, String locale) {
}
