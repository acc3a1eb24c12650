package com.mclass.enrollment.seat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The classes enrolling looked up in the last moment, per replica: the checks before the enrolling transaction
 * (window, deletion, active form) need the class's description, not its counters, and in a rush every request asks
 * for the same class. A change this replica applies (class event, import) drops the entry when it commits; a change
 * another replica applied is seen at most {@code mclass.enrollment.class-cache-ttl} (1 s) late — on top of the class
 * events' own lag, which is of the same order. Counters read from here only predict a place; the ledger row's
 * conditional UPDATE takes it or refuses it, and a refused prediction is decided again on the row.
 */
@Component
class RecentClasses {

	private static final int MAX_CLASSES = 4096;

	private final Duration ttl;

	private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

	RecentClasses(@Value("${mclass.enrollment.class-cache-ttl:1s}") Duration ttl) {
		this.ttl = ttl;
	}

	/** The class as read less than the TTL ago, if it was. */
	Optional<ClassSeats> get(UUID classId) {
		Entry entry = this.entries.get(classId);
		return (entry != null && entry.seats() != null && System.nanoTime() - entry.at() < this.ttl.toNanos())
				? Optional.of(entry.seats()) : Optional.empty();
	}

	/**
	 * Keeps what a read that started at {@code readAt} ({@link System#nanoTime()}) found, unless a change committed
	 * since that read started (the read may have seen the row before it).
	 */
	void put(ClassSeats seats, long readAt) {
		if (this.entries.size() >= MAX_CLASSES) {
			this.entries.clear();
		}
		this.entries.compute(seats.classId(),
				(id, existing) -> (existing == null || existing.at() - readAt < 0) ? new Entry(seats, readAt) : existing);
	}

	private void forget(UUID classId) {
		this.entries.put(classId, new Entry(null, System.nanoTime()));
	}

	/** Drops the class once the current transaction commits (at once without one). */
	void changedAfterCommit(UUID classId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget(classId);
				}
			});
		}
		forget(classId);
	}

	/** @param seats the class, or {@code null} for "changed at {@code at}" */
	private record Entry(ClassSeats seats, long at) {
	}

}
