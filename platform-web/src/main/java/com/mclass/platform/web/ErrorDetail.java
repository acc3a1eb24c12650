package com.mclass.platform.web;

/**
 * One field at fault: {@code field} is the JSON path (or header / parameter name) the client sent, {@code reason}
 * says what is wrong with it in the client's language.
 */
public record ErrorDetail(String field, String reason) {
}
