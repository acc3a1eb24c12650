/**
 * The client's address, from trusted proxies only, and the {@code X-Forwarded-*} headers the services receive.
 */
package com.mclass.gateway.forwarding;
