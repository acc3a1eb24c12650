/**
 * {@code X-Request-Id} on every request and answer.
 */
package com.mclass.gateway.requestid;
