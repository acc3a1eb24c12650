/**
 * Social login (Google OpenID Connect, Kakao, Naver) with state and PKCE on its own filter chain, the authorization
 * requests kept in Redis, the provider user mapped to an MClass account, and the one-time code a front end trades
 * for tokens ({@code /api/auth/social/exchange}).
 */
package com.mclass.auth.social;
