package com.mclass.platform.web.servlet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import com.mclass.platform.web.apidocs.ErrorCodeCatalog;
import com.mclass.platform.web.apidocs.ErrorResponses;
import com.mclass.platform.web.apidocs.InternalPathsHidden;
import com.mclass.platform.web.apidocs.NullableProperties;
import com.mclass.platform.web.apidocs.PlanPaginationParameters;
import com.mclass.platform.web.security.AuthenticatedUser;

/**
 * Names each service's OpenAPI document after the service and points its "try it out" server at the gateway: clients
 * never call a service directly, and the gateway's Swagger UI shows all four documents side by side.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDocsAutoConfiguration {

	static {
		// The caller comes from the verified token, not from the request: it is no parameter a client sends.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI mclassOpenApi(@Value("${spring.application.name}") String applicationName,
			@Value("${mclass.gateway-url:http://localhost:8080}") String gatewayUrl) {
		return new OpenAPI().info(new Info().title("MClass " + applicationName).version("v1"))
			.addServersItem(new Server().url(gatewayUrl).description("MClass gateway"));
	}

	/** The error envelope and each operation's error statuses (see {@link ErrorResponses}). */
	@Bean
	@ConditionalOnMissingBean
	ErrorResponses mclassErrorResponses(BeanFactory beanFactory) {
		java.util.List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory)
				: java.util.List.of();
		return new ErrorResponses(ErrorCodeCatalog.scan(packages, getClass().getClassLoader()));
	}

	/** Record fields that can be null are documented as nullable. */
	@Bean
	@ConditionalOnMissingBean
	NullableProperties mclassNullableProperties() {
		return new NullableProperties();
	}

	/** The documents describe what clients can call through the gateway: not /internal/**. */
	@Bean
	@ConditionalOnMissingBean
	InternalPathsHidden mclassInternalPathsHidden() {
		return new InternalPathsHidden();
	}

	@Bean
	@ConditionalOnMissingBean
	PlanPaginationParameters mclassPlanPaginationParameters() {
		return new PlanPaginationParameters();
	}

}
