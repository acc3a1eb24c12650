package com.mclass.notification.mail;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * Adds the mail templates to Boot's Thymeleaf engine: {@code mail/*.html} in HTML mode (escaping markup) and
 * {@code mail/*.txt} in TEXT mode, for the two parts of every email. They are asked before Boot's own resolver
 * ({@code spring.thymeleaf.template-resolver-order} puts it last).
 */
@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

	@Bean
	ITemplateResolver htmlMailTemplates() {
		return mailTemplates(TemplateMode.HTML, "mail/*.html", 1);
	}

	@Bean
	ITemplateResolver textMailTemplates() {
		return mailTemplates(TemplateMode.TEXT, "mail/*.txt", 2);
	}

	static ClassLoaderTemplateResolver mailTemplates(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplateConfiguration.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
