package com.mclass.auth.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator created at startup when no account has this e-mail yet ({@code MCLASS_ADMIN_EMAIL},
 * {@code MCLASS_ADMIN_PASSWORD}). Leave the e-mail empty to create none.
 */
@ConfigurationProperties("mclass.admin")
record AdminProperties(String email, String password) {
}
