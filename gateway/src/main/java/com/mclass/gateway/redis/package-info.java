/**
 * Redis client settings: Lettuce fails fast while Redis is unreachable, so checks that depend on it answer at once.
 */
package com.mclass.gateway.redis;
