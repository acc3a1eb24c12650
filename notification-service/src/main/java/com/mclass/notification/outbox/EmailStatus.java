package com.mclass.notification.outbox;

/** Where an email stands: waiting (first try or a retry), accepted by the SMTP server, or given up. */
public enum EmailStatus {

	PENDING, SENT, FAILED

}
