package com.mclass.auth.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshTokenTtl absolute lifetime of a session (refresh-token family), counted from login; rotation does
 * not extend it
 * @param revocationMargin added to the access-token TTL for the revoked-session key, covering clock skew between
 * resource servers
 */
@ConfigurationProperties("mclass.auth.session")
record SessionProperties(@DefaultValue("7d") Duration refreshTokenTtl, @DefaultValue("2m") Duration revocationMargin) {
}
