/**
 * Sessions: refresh-token families in Redis (rotation; reuse of a used token revokes the family), starting, refreshing
 * and ending a session ({@code /refresh}, {@code /logout}); an ended session is revoked for the gateway and every
 * service (docs/decisions/0003-the-revocation-mirror.md).
 */
package com.mclass.auth.session;
