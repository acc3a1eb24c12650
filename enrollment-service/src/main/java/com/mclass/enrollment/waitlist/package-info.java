/**
 * The waitlist rule: a freed seat goes to the longest-waiting enrollment in the transaction that freed it
 * ({@code WAITLIST_PROMOTED}).
 */
package com.mclass.enrollment.waitlist;
