package com.mclass.enrollment.waitlist.web;

import jakarta.validation.constraints.Size;

/** An optional reason for declining an offered seat, kept in the history and sent with the event. */
record DeclineRequest(@Size(max = 500) String reason) {
}
