/**
 * The user counts enrollment-service's admin dashboard reads ({@code GET /internal/stats}; never routed by the
 * gateway).
 */
package com.mclass.auth.stats;
