package com.mclass.platform.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Sends a fixed number of requests from a fixed number of client threads at once, timing each; for [measured] lines. */
public final class Burst<T> {

	public final List<T> answers = new ArrayList<>();

	public final List<Long> nanos = new ArrayList<>();

	public long elapsedNanos;

	public static <T> Burst<T> run(int requests, int clients, IntFunction<T> request) throws Exception {
		Burst<T> burst = new Burst<>();
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		long[] times = new long[requests];
		for (int i = 0; i < requests; i++) {
			int index = i;
			futures.add(threads.submit((Callable<T>) () -> {
				go.await();
				long sent = System.nanoTime();
				T answer = request.apply(index);
				times[index] = System.nanoTime() - sent;
				return answer;
			}));
		}
		long started = System.nanoTime();
		go.countDown();
		for (Future<T> future : futures) {
			burst.answers.add(future.get(120, TimeUnit.SECONDS));
		}
		burst.elapsedNanos = System.nanoTime() - started;
		threads.shutdown();
		for (long time : times) {
			burst.nanos.add(time);
		}
		return burst;
	}

	public String report(String what) {
		List<Long> sorted = new ArrayList<>(this.nanos);
		Collections.sort(sorted);
		double seconds = this.elapsedNanos / 1e9;
		return String.format("%n[measured] %s: %d requests in %.2f s = %.0f/s; client latency p50=%.1fms p99=%.1fms%n", what,
				sorted.size(), seconds, sorted.size() / seconds, at(sorted, 0.50), at(sorted, 0.99));
	}

	private static double at(List<Long> sorted, double percentile) {
		int index = (int) Math.ceil(percentile * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
