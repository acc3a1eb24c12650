package com.mclass.launcher.mail;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail whose SMTP server can be told to refuse mail: while a refusal is set, every {@code MAIL FROM} is answered
 * with it instead of {@code 250 OK}, so a sender sees a real SMTP error reply on a connection that works. GreenMail
 * asks its {@link SmtpManager} whether to take a sender; this one hands it a manager that asks the {@link Switch}.
 * <p>
 * An accepted message goes to {@code delivery} only, once, not into GreenMail's own per-recipient mailboxes (a user
 * and a mailbox per address, every message kept for good, which nothing here reads): with both, a few benchmark runs
 * filled the launcher's heap with tens of thousands of mails twice over, and the Kafka broker sharing that JVM spent
 * most of its time in full garbage collections.
 */
final class RefusableSmtp extends GreenMail {

	RefusableSmtp(ServerSetup setup, Consumer<MovingMessage> delivery) {
		super(setup);
		// The constructor built its services on default managers; start() builds them again on these.
		this.managers = new SwitchedManagers(delivery);
	}

	Switch refusal() {
		return ((SwitchedManagers) this.managers).refusal;
	}

	/** Whether mail is refused now, and with what reply. */
	static final class Switch {

		private static final Pattern REFUSAL = Pattern.compile("[45]\\d\\d [^\\r\\n]+");

		private volatile String reply;

		private final AtomicLong refused = new AtomicLong();

		void refuseWith(String reply) {
			if (reply == null || !REFUSAL.matcher(reply).matches()) {
				throw new IllegalArgumentException("An SMTP refusal is a 4xx or 5xx code, a space and a text on one line,"
						+ " not '" + reply + "'");
			}
			this.reply = reply;
		}

		void accept() {
			this.reply = null;
		}

		long refused() {
			return this.refused.get();
		}

		/** The reply to a {@code MAIL FROM}: null to take it. */
		String answerSender() {
			String current = this.reply;
			if (current != null) {
				this.refused.incrementAndGet();
			}
			return current;
		}

	}

	private static final class SwitchedManagers extends Managers {

		private final Switch refusal = new Switch();

		private final SmtpManager smtp;

		SwitchedManagers(Consumer<MovingMessage> delivery) {
			this.smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
				@Override
				public String checkSender(SmtpState state, MailAddress sender) {
					String refused = SwitchedManagers.this.refusal.answerSender();
					return (refused != null) ? refused : super.checkSender(state, sender);
				}

				@Override
				public void send(SmtpState state) {
					delivery.accept(state.getMessage());
				}
			};
		}

		@Override
		public SmtpManager getSmtpManager() {
			return this.smtp;
		}

	}

}
