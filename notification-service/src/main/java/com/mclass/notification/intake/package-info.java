/**
 * Events in: the Kafka listener, reading the envelope with precise reasons, turning an event into a notice, and the
 * inbox and the email outbox row written in one transaction (one email per event id); what breaks the contract goes to
 * the dead-letter topic.
 */
package com.mclass.notification.intake;
