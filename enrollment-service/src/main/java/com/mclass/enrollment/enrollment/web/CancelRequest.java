package com.mclass.enrollment.enrollment.web;

import jakarta.validation.constraints.Size;

/** An optional reason for a cancellation, kept in the history and sent with the event. */
record CancelRequest(@Size(max = 500) String reason) {
}
