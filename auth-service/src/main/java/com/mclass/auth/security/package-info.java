/**
 * auth-service's API filter chain: which endpoints are public, on top of platform-web's resource-server defaults.
 */
package com.mclass.auth.security;
