package com.mclass.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.mclass.platform.test.Ports;

/**
 * The SMTP server of the tests: GreenMail on one free port chosen per test JVM. Each test class registers
 * {@link #server()} (a fresh, empty server per test method, on that same port), and the shared context sends to it.
 * Tests stop and start it to stage an SMTP outage.
 */
public final class TestSmtp {

	public static final ServerSetup SETUP = new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private TestSmtp() {
	}

	public static GreenMailExtension server() {
		return new GreenMailExtension(SETUP);
	}

	/** Messages the server received for one address (each test writes to addresses of its own). */
	public static List<MimeMessage> to(GreenMailExtension server, String address) {
		return Arrays.stream(server.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
	}

	public static List<MimeMessage> toDomain(GreenMailExtension server, String domain) {
		return Arrays.stream(server.getReceivedMessages())
			.filter((message) -> recipients(message).stream().anyMatch((to) -> to.endsWith("@" + domain)))
			.toList();
	}

	private static boolean isTo(MimeMessage message, String address) {
		return recipients(message).contains(address.toLowerCase(Locale.ROOT));
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return (to != null) ? Arrays.stream(to).map((a) -> a.toString().toLowerCase(Locale.ROOT)).toList() : List.of();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The text/plain and text/html alternatives of a message, in that order. */
	public static Parts parts(MimeMessage message) throws Exception {
		MimeMultipart multipart = (MimeMultipart) message.getContent();
		String text = null;
		String html = null;
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.isMimeType("text/plain")) {
				text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html")) {
				html = (String) part.getContent();
			}
		}
		return new Parts(multipart.getContentType(), text, html);
	}

	public record Parts(String contentType, String text, String html) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		static DynamicPropertyRegistrar testSmtpServer() {
			return (registry) -> {
				registry.add("spring.mail.host", SETUP::getBindAddress);
				registry.add("spring.mail.port", SETUP::getPort);
			};
		}

	}

}
