/**
 * The class counts enrollment-service's admin dashboard reads ({@code GET /internal/stats}; never routed by the
 * gateway).
 */
package com.mclass.classes.stats;
