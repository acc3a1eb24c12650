package com.mclass.auth.user;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.CommonErrorCode;

/**
 * Where bcrypt runs: a fixed pool sized to the cores with a bounded queue. Request threads are virtual and
 * unbounded, so without it a sign-in storm would start more hashes than there are cores and every sign-in would
 * slow down together until clients gave up. Work that cannot start within {@code startTimeout} (or finds the queue
 * full) is not started at all: the caller gets a {@link Busy} (503 with {@code Retry-After}) at once instead of
 * waiting, and the hash the client has given up on is never computed.
 */
public class HashingPool implements AutoCloseable {

	private static final int WAITING = 0;

	private static final int STARTED = 1;

	private static final int ABANDONED = 2;

	private final ThreadPoolExecutor executor;

	private final Duration startTimeout;

	public HashingPool(int threads, int queueCapacity, Duration startTimeout) {
		AtomicInteger number = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
				(runnable) -> {
					Thread thread = new Thread(runnable, "bcrypt-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		this.startTimeout = startTimeout;
	}

	/** Runs {@code work} on the pool and waits for it; throws {@link Busy} if it could not start in time. */
	public <T> T run(Supplier<T> work) {
		AtomicInteger state = new AtomicInteger(WAITING);
		FutureTask<T> task = new FutureTask<>(() -> state.compareAndSet(WAITING, STARTED) ? work.get() : null);
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			throw new Busy(this.startTimeout);
		}
		try {
			try {
				return task.get(this.startTimeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				if (state.compareAndSet(WAITING, ABANDONED)) {
					this.executor.remove(task);
					throw new Busy(this.startTimeout);
				}
				// Started just now: a hash takes tens of milliseconds, so wait for it.
				return task.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			state.compareAndSet(WAITING, ABANDONED);
			throw new Busy(this.startTimeout);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Hashes waiting to start (for tests and metrics). */
	public int queued() {
		return this.executor.getQueue().size();
	}

	/** Hashes running now. */
	public int active() {
		return this.executor.getActiveCount();
	}

	public int threads() {
		return this.executor.getCorePoolSize();
	}

	public Duration startTimeout() {
		return this.startTimeout;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** Too many sign-ins at once: answered 503 with {@code Retry-After}. */
	public static class Busy extends ApiException {

		/** The start timeout in whole seconds, rounded down as it always was (ApiException would round a part up). */
		Busy(Duration startTimeout) {
			super(CommonErrorCode.SERVICE_UNAVAILABLE, Duration.ofSeconds(startTimeout.toSeconds()));
		}

	}

}
