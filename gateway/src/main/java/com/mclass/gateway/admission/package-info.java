/**
 * What is refused before routing: path traversal, bodies over the limit.
 */
package com.mclass.gateway.admission;
