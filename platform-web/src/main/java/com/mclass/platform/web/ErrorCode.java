package com.mclass.platform.web;

/**
 * A stable, documented error code and the HTTP status it travels with. The platform defines the codes every service
 * shares ({@link CommonErrorCode}); each service declares its own domain codes as constants beside them.
 *
 * @param code what clients switch on, e.g. {@code CLASS_FULL}; never changes once published
 * @param httpStatus the status every answer with this code carries
 * @param defaultMessage the English text used when the message bundles have none for {@code error.<code>}
 */
public record ErrorCode(String code, int httpStatus, String defaultMessage) {
}
