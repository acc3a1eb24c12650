package com.mclass.enrollment.admin;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;

import com.mclass.enrollment.remote.Envelope;

/**
 * The other services' internal statistics behind the admin dashboard, each a Feign client behind Resilience4j whose
 * fallback logs the cause and answers {@code null}: the dashboard then shows that part as unavailable. The endpoints
 * and their JSON are specified in this module's README ("Internal endpoints the dashboard reads").
 */
final class ServiceStatsClients {

	private static final Logger log = LoggerFactory.getLogger(ServiceStatsClients.class);

	private ServiceStatsClients() {
	}

	/** auth-service: {@code GET /internal/stats} → {@code {"data": {"totalUsers": 0}}} */
	@FeignClient(name = "auth-service-stats", url = "${mclass.auth-service.url}", fallbackFactory = AuthStatsFallback.class)
	interface AuthStats {

		@GetMapping("/internal/stats")
		Envelope<UserStats> stats();

	}

	/** class-service: {@code GET /internal/stats} → {@code {"data": {"totalClasses": 0}}} */
	@FeignClient(name = "class-service-stats", url = "${mclass.class-service.url}", fallbackFactory = ClassStatsFallback.class)
	interface ClassStats {

		@GetMapping("/internal/stats")
		Envelope<ClassCount> stats();

	}

	/**
	 * notification-service: {@code GET /internal/stats} →
	 * {@code {"data": {"pending": 0, "failed": 0, "sent": 0, "oldestPendingAgeSeconds": 0}}}
	 */
	@FeignClient(name = "notification-service-stats", url = "${mclass.notification-service.url}",
			fallbackFactory = NotificationStatsFallback.class)
	interface NotificationStats {

		@GetMapping("/internal/stats")
		Envelope<EmailStats> stats();

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserStats(Long totalUsers) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ClassCount(Long totalClasses) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EmailStats(@JsonAlias("pendingEmails") Long pending, @JsonAlias("failedEmails") Long failed,
			@JsonAlias("sentEmails") Long sent, Double oldestPendingAgeSeconds) {
	}

	@Component
	static class AuthStatsFallback implements FallbackFactory<AuthStats> {

		@Override
		public AuthStats create(Throwable cause) {
			return () -> unavailable("auth-service", cause);
		}

	}

	@Component
	static class ClassStatsFallback implements FallbackFactory<ClassStats> {

		@Override
		public ClassStats create(Throwable cause) {
			return () -> unavailable("class-service", cause);
		}

	}

	@Component
	static class NotificationStatsFallback implements FallbackFactory<NotificationStats> {

		@Override
		public NotificationStats create(Throwable cause) {
			return () -> unavailable("notification-service", cause);
		}

	}

	private static <T> T unavailable(String service, Throwable cause) {
		log.warn("{} statistics are unavailable for the dashboard: {}", service, cause.toString());
		return null;
	}

}
