package com.mclass.enrollment.seat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * The classes this service can take enrollments for: the ledger's, else — when class-service's events have not
 * arrived yet — what class-service answers directly, adopted into the ledger on the way. Concurrent requests for the
 * same unknown class share one call, so a rush on a class whose events lag costs class-service one request.
 */
@Service
public class KnownClasses {

	private static final Logger log = LoggerFactory.getLogger(KnownClasses.class);

	private final SeatLedger ledger;

	private final ClassCatalog catalog;

	private final RecentClasses recent;

	private final TransactionTemplate transactions;

	private final Map<UUID, CompletableFuture<Optional<ClassSeats>>> imports = new ConcurrentHashMap<>();

	KnownClasses(SeatLedger ledger, ClassCatalog catalog, RecentClasses recent, PlatformTransactionManager transactionManager) {
		this.ledger = ledger;
		this.recent = recent;
		this.catalog = catalog;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * The class, deleted or not; empty when neither this service nor class-service knows it.
	 * @throws ApiException {@code SERVICE_UNAVAILABLE} when the class is unknown here and class-service cannot be asked
	 */
	public Optional<ClassSeats> find(UUID classId) {
		Optional<ClassSeats> known = this.ledger.find(classId);
		return known.isPresent() ? known : importFromCatalog(classId);
	}

	/**
	 * As {@link #find}, possibly up to {@code mclass.enrollment.class-cache-ttl} old ({@link RecentClasses}): for the
	 * checks before enrolling, which use the class's description and never its counters.
	 */
	public Optional<ClassSeats> findRecent(UUID classId) {
		Optional<ClassSeats> recent = this.recent.get(classId);
		if (recent.isPresent()) {
			return recent;
		}
		long readAt = System.nanoTime();
		Optional<ClassSeats> found = find(classId);
		found.ifPresent((seats) -> this.recent.put(seats, readAt));
		return found;
	}

	/** The class if it exists and is not deleted, else a 404 ({@code NOT_FOUND}). */
	public ClassSeats require(UUID classId) {
		return find(classId).filter((seats) -> !seats.deleted()).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND));
	}

	private Optional<ClassSeats> importFromCatalog(UUID classId) {
		CompletableFuture<Optional<ClassSeats>> mine = new CompletableFuture<>();
		CompletableFuture<Optional<ClassSeats>> running = this.imports.putIfAbsent(classId, mine);
		if (running != null) {
			return running.join();
		}
		try {
			// A request that missed the ledger just before another import committed finds the class now.
			Optional<ClassSeats> known = this.ledger.find(classId);
			Optional<ClassSeats> imported = known.isPresent() ? known : describeAndAdopt(classId);
			mine.complete(imported);
			return imported;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.imports.remove(classId, mine);
		}
	}

	private Optional<ClassSeats> describeAndAdopt(UUID classId) {
		Optional<ClassData> described;
		try {
			described = this.catalog.describe(classId);
		}
		catch (ClassCatalog.Unavailable ex) {
			throw new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE);
		}
		if (described.isEmpty()) {
			return Optional.empty();
		}
		ClassData data = described.get();
		ClassSnapshot snapshot;
		try {
			snapshot = data.toSnapshot(classId);
		}
		catch (IllegalArgumentException ex) {
			log.warn("class-service described class {} in a way this service cannot use: {}", classId, ex.getMessage());
			throw new ApiException(CommonErrorCode.SERVICE_UNAVAILABLE);
		}
		this.transactions.executeWithoutResult((status) -> {
			this.ledger.adopt(snapshot, null);
			if (data.form() != null && data.form().version() != null && data.form().questions() != null) {
				this.ledger.publishForm(classId, data.form().version(), data.form().questions());
			}
		});
		log.info("Imported class {} (version {}) from class-service: its events had not arrived yet", classId, snapshot.version());
		return this.ledger.find(classId);
	}

}
