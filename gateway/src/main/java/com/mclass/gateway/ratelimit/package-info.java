/**
 * Redis token buckets per user and per client address, {@code Retry-After} on 429, and fail-closed buckets for the
 * token endpoints.
 */
package com.mclass.gateway.ratelimit;
