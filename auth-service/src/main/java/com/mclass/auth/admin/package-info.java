/**
 * User administration: searching users, changing roles ({@code /api/admin/users}), and the bootstrap admin account.
 */
package com.mclass.auth.admin;
