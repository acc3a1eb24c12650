package com.mclass.launcher.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mclass.launcher.net.LocalPorts;

class MailSinkTests {

	private static final String KOREAN_SUBJECT = "[MClass] 수강신청이 승인되었습니다 ✅";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private MailSink sink;

	@BeforeEach
	void startSink() {
		this.sink = MailSink.start(0, 0);
	}

	@AfterEach
	void stopSink() {
		this.sink.close();
	}

	@Test
	void listsAReceivedMultipartMessageWithItsDecodedKoreanSubject() throws Exception {
		sendEnrollmentApproved();

		JsonNode page = getJson("/api/v1/messages");

		assertThat(page.get("total").asInt()).isEqualTo(1);
		assertThat(page.get("count").asInt()).isEqualTo(1);
		assertThat(page.get("start").asInt()).isZero();
		JsonNode summary = page.get("messages").get(0);
		assertThat(summary.get("ID").asString()).isNotBlank();
		assertThat(summary.get("MessageID").asString()).isNotBlank().doesNotStartWith("<");
		assertThat(summary.get("Subject").asString()).isEqualTo(KOREAN_SUBJECT);
		assertThat(summary.get("From").get("Address").asString()).isEqualTo("no-reply@mclass.local");
		assertThat(summary.get("From").get("Name").asString()).isEqualTo("MClass 알림");
		assertThat(summary.get("To").get(0).get("Address").asString()).isEqualTo("student@example.com");
		assertThat(summary.get("To").get(0).get("Name").asString()).isEqualTo("김학생");
		assertThat(summary.get("Created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(summary.get("Size").asInt()).isPositive();
		assertThat(summary.get("Snippet").asString()).startsWith("안녕하세요 김학생님,");
	}

	@Test
	void showsOneMessageWithDecodedTextAndHtmlBodies() throws Exception {
		sendEnrollmentApproved();
		String id = getJson("/api/v1/messages").get("messages").get(0).get("ID").asString();

		JsonNode message = getJson("/api/v1/message/" + id);

		assertThat(message.get("ID").asString()).isEqualTo(id);
		assertThat(message.get("Subject").asString()).isEqualTo(KOREAN_SUBJECT);
		assertThat(message.get("To").get(0).get("Address").asString()).isEqualTo("student@example.com");
		assertThat(message.get("Cc").get(0).get("Address").asString()).isEqualTo("teacher@example.com");
		assertThat(message.get("Bcc").get(0).get("Address").asString()).isEqualTo("audit@example.com");
		assertThat(message.get("Text").asString()).isEqualTo("안녕하세요 김학생님,\n'봄 도자기 클래스' 수강이 승인되었습니다.\n");
		assertThat(message.get("HTML").asString())
			.isEqualTo("<p>안녕하세요 <b>김학생</b>님, '봄 도자기 클래스' 수강이 승인되었습니다.</p>");
		assertThat(message.get("Date").asString()).endsWith("Z");
		assertThat(getJson("/api/v1/message/latest").get("ID").asString()).isEqualTo(id);
		assertThat(getJson("/api/v1/message/" + id + "/headers").get("Subject").get(0).asString())
			.isEqualTo(KOREAN_SUBJECT);
		String raw = get("/api/v1/message/" + id + "/raw").body();
		assertThat(raw).contains("Content-Transfer-Encoding: quoted-printable")
			.contains("Content-Transfer-Encoding: base64")
			.doesNotContain("수강");
	}

	@Test
	void answersUnknownMessagesWithJson404() throws Exception {
		HttpResponse<String> response = get("/api/v1/message/no-such-id");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(this.json.readTree(response.body()).get("error").asString()).contains("no-such-id");
	}

	@Test
	void deletesAllMessages() throws Exception {
		sendEnrollmentApproved();
		sendEnrollmentApproved();
		assertThat(getJson("/api/v1/messages").get("total").asInt()).isEqualTo(2);

		HttpResponse<String> deleted = this.http.send(HttpRequest.newBuilder(url("/api/v1/messages"))
			.timeout(Duration.ofSeconds(5))
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(getJson("/api/v1/messages").get("total").asInt()).isZero();
		assertThat(this.sink.messageCount()).isZero();
	}

	@Test
	void keepsOnlyTheNewestMessagesUpToItsLimit() throws Exception {
		this.sink.close();
		this.sink = MailSink.start(0, 0, 2);

		sendEnrollmentApproved("first");
		sendEnrollmentApproved("second");
		sendEnrollmentApproved("third");

		JsonNode page = getJson("/api/v1/messages");
		assertThat(page.get("total").asInt()).isEqualTo(2);
		assertThat(page.get("messages").valueStream().map((summary) -> summary.get("Subject").asString()))
			.containsExactly("third", "second");
	}

	@Test
	void findsMessagesByRecipient() throws Exception {
		sendEnrollmentApproved();

		assertThat(getJson("/api/v1/search?query=to:student@example.com").get("total").asInt()).isEqualTo(1);
		assertThat(getJson("/api/v1/search?query=to:nobody@example.com").get("total").asInt()).isZero();
	}

	@Test
	void showsTheInboxAndTheMessageWithItsHtmlInASandboxedFrame() throws Exception {
		sendEnrollmentApproved();
		String id = getJson("/api/v1/messages").get("messages").get(0).get("ID").asString();

		HttpResponse<String> inbox = get("/");
		HttpResponse<String> view = get("/view/" + id);

		assertThat(inbox.statusCode()).isEqualTo(200);
		assertThat(inbox.body()).contains(KOREAN_SUBJECT).contains("student@example.com").contains("/view/" + id);
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.body()).contains("<iframe sandbox")
			.contains("srcdoc=\"&lt;p&gt;안녕하세요 &lt;b&gt;김학생&lt;/b&gt;님")
			.contains("&#39;봄 도자기 클래스&#39; 수강이 승인되었습니다.");
	}

	@Test
	void releasesBothPortsOnClose() {
		int smtpPort = this.sink.smtpPort();
		int httpPort = this.sink.httpPort();
		assertThat(LocalPorts.isFree(smtpPort)).isFalse();
		assertThat(LocalPorts.isFree(httpPort)).isFalse();

		this.sink.close();

		assertThat(LocalPorts.isFree(smtpPort)).isTrue();
		assertThat(LocalPorts.isFree(httpPort)).isTrue();
		this.sink = MailSink.start(0, 0); // for @AfterEach
	}

	/** What notification-service sends: multipart/alternative, UTF-8, text quoted-printable and HTML base64. */
	@Test
	void refusesMailWithTheGivenSmtpReplyUntilToldToAcceptItAgain() throws Exception {
		this.sink.refuseMail("451 4.3.0 the sink refuses mail for a while");

		assertThatExceptionOfType(MessagingException.class).isThrownBy(this::sendEnrollmentApproved)
			.satisfies((refused) -> assertThat(refused).hasMessageContaining("451 4.3.0 the sink refuses mail for a while"));
		assertThat(this.sink.refusedCount()).isEqualTo(1);
		assertThat(getJson("/api/v1/messages").get("total").asInt()).isZero();

		this.sink.acceptMail();
		sendEnrollmentApproved();
		assertThat(getJson("/api/v1/messages").get("total").asInt()).isEqualTo(1);
		assertThat(this.sink.refusedCount()).isEqualTo(1);
	}

	@Test
	void acceptsOnlyA4xxOr5xxReplyAsARefusal() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.sink.refuseMail("250 OK"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.sink.refuseMail("451"));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.sink.refuseMail("451 two\r\n250 lines"));
	}

	private void sendEnrollmentApproved() throws Exception {
		sendEnrollmentApproved(KOREAN_SUBJECT);
	}

	private void sendEnrollmentApproved(String subject) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(this.sink.smtpPort()));
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "5000");
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress("no-reply@mclass.local", "MClass 알림", "UTF-8"));
		message.setRecipient(RecipientType.TO, new InternetAddress("student@example.com", "김학생", "UTF-8"));
		message.setRecipient(RecipientType.CC, new InternetAddress("teacher@example.com"));
		message.setRecipient(RecipientType.BCC, new InternetAddress("audit@example.com"));
		message.setSubject(subject, "UTF-8");
		MimeBodyPart text = new MimeBodyPart();
		text.setText("안녕하세요 김학생님,\n'봄 도자기 클래스' 수강이 승인되었습니다.\n", "UTF-8", "plain");
		text.setHeader("Content-Transfer-Encoding", "quoted-printable");
		MimeBodyPart html = new MimeBodyPart();
		html.setText("<p>안녕하세요 <b>김학생</b>님, '봄 도자기 클래스' 수강이 승인되었습니다.</p>", "UTF-8", "html");
		html.setHeader("Content-Transfer-Encoding", "base64");
		message.setContent(new MimeMultipart("alternative", text, html));
		message.setSentDate(new java.util.Date());
		message.saveChanges();
		Transport.send(message);
	}

	private JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(5)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI url(String path) {
		return URI.create(this.sink.apiUrl() + path);
	}

}
