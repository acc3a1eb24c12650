/**
 * Users: the {@code User} aggregate and its repository, the password policy and hashing (bcrypt over HMAC-SHA256),
 * sign-up status, the user events ({@code UserRegistered}, {@code SignupCompleted}) and {@code GET /api/auth/me}.
 */
package com.mclass.auth.user;
