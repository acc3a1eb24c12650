/**
 * The waitlist rule: a freed seat goes to the longest-waiting enrollment in the transaction that freed it — taken for
 * them ({@code WAITLIST_PROMOTED}) or, in waitlist mode OFFER, offered to them until a deadline
 * ({@code ENROLLMENT_OFFERED}), answered by the student ({@link com.mclass.enrollment.waitlist.AnsweringOffers}) or
 * expired by the sweep ({@link com.mclass.enrollment.waitlist.OfferExpiry}).
 */
package com.mclass.enrollment.waitlist;
