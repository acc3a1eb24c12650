package com.mclass.platform.web.servlet;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import com.mclass.platform.web.ErrorMessages;

/** Lets every list endpoint of a servlet service take the plan's {@code page} (from 1) and {@code limit} too. */
@AutoConfiguration(after = ServletEnvelopeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlanPaginationAutoConfiguration {

	@Bean
	FilterRegistrationBean<PlanPagination> planPagination(ErrorMessages messages, JsonMapper json) {
		FilterRegistrationBean<PlanPagination> registration = new FilterRegistrationBean<>(new PlanPagination(messages, json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

}
