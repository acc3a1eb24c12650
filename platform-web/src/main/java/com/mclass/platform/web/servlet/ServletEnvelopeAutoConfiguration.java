package com.mclass.platform.web.servlet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.mclass.platform.web.ErrorMessages;

/**
 * Installs the envelope error handling in every servlet service: the controller advice, the {@code /error}
 * controller that replaces Boot's, and the localized error texts (the service's own {@code messages} bundle first,
 * then the platform's).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ApiExceptionHandler.class, EnvelopeErrorController.class })
public class ServletEnvelopeAutoConfiguration {

	/** Only in services with JDBC: the advice names Spring JDBC's and Spring's transaction exceptions. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.jdbc.CannotGetJdbcConnectionException")
	@Import(DatabaseFailures.class)
	static class DatabaseFailuresConfiguration {

	}

	@Bean
	@ConditionalOnMissingBean
	ErrorMessages errorMessages(ObjectProvider<MessageSource> applicationMessages) {
		ResourceBundleMessageSource platform = new ResourceBundleMessageSource();
		platform.setBasenames("mclass/platform-messages");
		platform.setDefaultEncoding("UTF-8");
		platform.setFallbackToSystemLocale(false);
		MessageSource application = applicationMessages.getIfAvailable();
		if (application != null) {
			ResourceBundleMessageSource layered = new ResourceBundleMessageSource();
			layered.setBasenames("messages");
			layered.setDefaultEncoding("UTF-8");
			layered.setFallbackToSystemLocale(false);
			layered.setParentMessageSource(platform);
			return new ErrorMessages(layered);
		}
		return new ErrorMessages(platform);
	}

}
