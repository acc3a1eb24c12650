/**
 * The gateway as an OAuth2 resource server: token rules, revoked sessions, who may call which route, and client
 * identity headers dropped before forwarding.
 */
package com.mclass.gateway.security;
