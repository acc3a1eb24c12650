/**
 * Signing up: local registration with the required terms ({@code /register}) and completing the sign-up of a social
 * user ({@code /complete-signup}).
 */
package com.mclass.auth.registration;
