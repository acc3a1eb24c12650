/**
 * How the services' Redis client reports on itself: command timers without a span per command.
 */
package com.mclass.platform.web.redis;
