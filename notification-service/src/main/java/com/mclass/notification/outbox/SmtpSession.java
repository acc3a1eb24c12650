package com.mclass.notification.outbox;

import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for the emails of one claimed batch, instead of a connection (TCP, greeting, EHLO, QUIT) per
 * email: most of what sending costs the sender and the mail server when a rush queues hundreds of emails at once.
 * A failed send closes the connection, so the next email of the batch starts on a fresh one and a broken connection
 * costs one email its attempt, not the whole batch; a connection that cannot be opened leaves the email to
 * {@link JavaMailSender#send}, which fails (or succeeds) exactly as a single send always did. Senders other than
 * {@link JavaMailSenderImpl} send one connection per email as before.
 */
final class SmtpSession implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmtpSession.class);

	private final JavaMailSender mail;

	private Transport transport;

	SmtpSession(JavaMailSender mail) {
		this.mail = mail;
	}

	void send(MimeMessage message) {
		if (!(this.mail instanceof JavaMailSenderImpl sender) || !connected(sender)) {
			this.mail.send(message);
			return;
		}
		try {
			String messageId = message.getMessageID();
			message.saveChanges();
			if (messageId != null) {
				message.setHeader("Message-ID", messageId);
			}
			this.transport.sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException ex) {
			close();
			throw new MailSendException(Map.of(message, ex));
		}
	}

	private boolean connected(JavaMailSenderImpl sender) {
		if (this.transport != null && this.transport.isConnected()) {
			return true;
		}
		close();
		try {
			Transport opened = sender.getSession().getTransport(sender.getProtocol());
			String username = sender.getUsername();
			String password = sender.getPassword();
			if ("".equals(username)) {
				username = null;
				password = "".equals(password) ? null : password;
			}
			opened.connect(sender.getHost(), sender.getPort(), username, password);
			this.transport = opened;
			return true;
		}
		catch (MessagingException ex) {
			log.debug("Could not open an SMTP connection for a batch; sending on its own", ex);
			return false;
		}
	}

	@Override
	public void close() {
		Transport open = this.transport;
		this.transport = null;
		if (open != null) {
			try {
				open.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing an SMTP connection failed", ex);
			}
		}
	}

}
