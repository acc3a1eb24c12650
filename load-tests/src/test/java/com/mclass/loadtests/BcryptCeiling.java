package com.mclass.loadtests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * How many password checks this machine can do per second: the ceiling of a sign-in storm. The same work as
 * auth-service's {@code PasswordHashing.matches} (an HMAC-SHA256 pre-hash keyed with the salt, then Spring Security's
 * {@code BCrypt.checkpw} at the configured cost), on {@code THREADS} threads (the cores) for {@code SECONDS} after a
 * one-second warm-up. Prints {@code bcrypt_per_s=…} and {@code bcrypt_ms=…} (one check on one core).
 */
final class BcryptCeiling {

	private BcryptCeiling() {
	}

	public static void main(String[] args) {
		int cost = Integer.parseInt(args[0]);
		int threads = Integer.parseInt(args[1]);
		double seconds = Double.parseDouble(args[2]);
		String salt = BCrypt.gensalt("$2a", cost, new SecureRandom());
		String password = "Bench-ceiling-password-1";
		String stored = BCrypt.hashpw(preHash(password, salt), salt);
		run(stored, password, threads, 1.0); // JIT
		double perSecond = run(stored, password, threads, seconds);
		System.out.printf("bcrypt_cost=%d%nbcrypt_threads=%d%nbcrypt_per_s=%.1f%nbcrypt_ms=%.1f%n", cost, threads, perSecond,
				threads * 1000.0 / perSecond);
	}

	private static double run(String stored, String password, int threads, double seconds) {
		LongAdder checks = new LongAdder();
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> workers = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				while (!stop.get()) {
					if (!BCrypt.checkpw(preHash(password, stored.substring(0, 29)), stored)) {
						throw new IllegalStateException("bcrypt check failed");
					}
					checks.increment();
				}
			}, "bcrypt-" + i);
			worker.start();
			workers.add(worker);
		}
		try {
			Thread.sleep((long) (seconds * 1000));
			stop.set(true);
			for (Thread worker : workers) {
				worker.join();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return checks.sum() / ((System.nanoTime() - started) / 1e9);
	}

	/** As auth-service's PasswordHashing: HMAC-SHA256 keyed with the bcrypt salt, Base64. */
	private static String preHash(String password, String salt) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(hmac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
