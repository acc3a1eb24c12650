/**
 * What every call to another service shares: Resilience4j defaults (time limit, circuit breaker, bulkhead) and the
 * success envelope of the other services' answers.
 */
package com.mclass.enrollment.remote;
