package com.mclass.launcher.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the platform's mail goes locally: a GreenMail SMTP server that accepts any sender and recipient without
 * authentication, and an HTTP server with a Mailpit-compatible API and a small inbox page. Nothing is delivered
 * anywhere else.
 */
public final class MailSink implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(MailSink.class);

	private final GreenMail smtp;

	private final HttpServer http;

	private final ExecutorService httpThreads;

	private final ReceivedMails mails;

	private final RefusableSmtp.Switch refusal;

	private MailSink(RefusableSmtp smtp, HttpServer http, ExecutorService httpThreads, ReceivedMails mails) {
		this.smtp = smtp;
		this.http = http;
		this.httpThreads = httpThreads;
		this.mails = mails;
		this.refusal = smtp.refusal();
	}

	/**
	 * The newest messages the inbox keeps; older ones are dropped as new ones arrive (Mailpit's {@code --max}, 500 by
	 * default there). A benchmark sends a mail per seat taken: kept forever, they filled the launcher's heap, where the
	 * Kafka broker runs too.
	 */
	public static final int DEFAULT_MAX_MESSAGES = 5_000;

	/** Starts both servers on localhost; 0 for either port picks a free one. */
	public static MailSink start(int smtpPort, int httpPort) {
		return start(smtpPort, httpPort, DEFAULT_MAX_MESSAGES);
	}

	/** Starts both servers on localhost, keeping the newest {@code maxMessages}; 0 for either port picks a free one. */
	public static MailSink start(int smtpPort, int httpPort, int maxMessages) {
		ReceivedMails mails = new ReceivedMails(maxMessages);
		Clock clock = Clock.systemUTC();
		RefusableSmtp smtp = new RefusableSmtp(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				(message) -> record(message, mails, clock));
		try {
			smtp.start();
			smtp.getUserManager().setAuthRequired(false);
		}
		catch (RuntimeException ex) {
			smtp.stop();
			throw new IllegalStateException("Could not start the SMTP sink on port " + smtpPort + ": " + ex.getMessage(), ex);
		}
		ExecutorService httpThreads = Executors.newFixedThreadPool(4, daemonThreads("mail-http-"));
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
			http.createContext("/api/", new MailpitApi(mails));
			http.createContext("/", new InboxPage(mails));
			http.setExecutor(httpThreads);
			http.start();
			MailSink sink = new MailSink(smtp, http, httpThreads, mails);
			log.info("Mail: SMTP sink on localhost:{}, inbox and Mailpit API on {}", sink.smtpPort(), sink.apiUrl());
			return sink;
		}
		catch (IOException | RuntimeException ex) {
			smtp.stop();
			httpThreads.shutdownNow();
			throw new IllegalStateException("Could not start the mail inbox on port " + httpPort + ": " + ex.getMessage(), ex);
		}
	}

	/** One inbox entry per message, whatever the number of recipients, as Mailpit keeps it. */
	private static void record(MovingMessage message, ReceivedMails mails, Clock clock) {
		try {
			mails.add(ReceivedMail.read(message.getMessage(),
					message.getToAddresses().stream().map(MailAddress::getEmail).collect(Collectors.toList()),
					(message.getReturnPath() != null) ? message.getReturnPath().getEmail() : null, clock.instant()));
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			log.warn("Could not read a received message for the inbox: {}", ex.toString());
		}
	}

	public int smtpPort() {
		return this.smtp.getSmtp().getPort();
	}

	public int httpPort() {
		return this.http.getAddress().getPort();
	}

	/** {@code http://localhost:<port>}: the inbox page and, under {@code /api/v1}, the Mailpit API. */
	public URI apiUrl() {
		return URI.create("http://localhost:" + httpPort());
	}

	/**
	 * From now on answers every {@code MAIL FROM} with {@code reply} instead of {@code 250 OK}, as a mail server that
	 * is full, throttling or down for maintenance would (fault tests): e.g. {@code 451 4.3.0 try again later} for a
	 * transient refusal, a {@code 5xx} for a permanent one. Nothing reaches the inbox until {@link #acceptMail()}.
	 * @param reply an SMTP reply line: a 4xx or 5xx code, a space and a text
	 */
	public void refuseMail(String reply) {
		this.refusal.refuseWith(reply);
		log.info("Mail: the SMTP sink now refuses mail with \"{}\"", reply);
	}

	/** Accepts mail again after {@link #refuseMail(String)}. */
	public void acceptMail() {
		this.refusal.accept();
		log.info("Mail: the SMTP sink accepts mail again");
	}

	/** How many {@code MAIL FROM} commands were refused since the sink started. */
	public long refusedCount() {
		return this.refusal.refused();
	}

	/** How many messages are in the inbox now. */
	public int messageCount() {
		return this.mails.all().size();
	}

	@Override
	public void close() {
		this.http.stop(0);
		this.httpThreads.shutdownNow();
		try {
			this.httpThreads.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.smtp.stop();
		log.info("Mail: stopped the SMTP sink and the inbox");
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
