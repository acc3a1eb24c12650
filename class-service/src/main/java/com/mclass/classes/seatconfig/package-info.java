/**
 * The internal read enrollment-service falls back on when a class's events have not reached it yet
 * ({@code GET /internal/mclasses/{id}/seat-config}; never routed by the gateway).
 */
package com.mclass.classes.seatconfig;
