/**
 * The error envelope for every failure of the gateway itself (401, 403, 404, 405, 413, 429, 502, 503, 504).
 */
package com.mclass.gateway.error;
