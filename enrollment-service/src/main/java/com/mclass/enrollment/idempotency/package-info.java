/**
 * Idempotency-Key records: claimed and written in the transaction of the request they answer, replayed byte for
 * byte, refused when in flight (409) or reused for another request (422), purged after their TTL.
 */
package com.mclass.enrollment.idempotency;
