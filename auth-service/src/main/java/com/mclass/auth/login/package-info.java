/**
 * Password login ({@code /login}) and its brute-force throttle per account and per client address, with the client
 * address taken from trusted proxies only.
 */
package com.mclass.auth.login;
