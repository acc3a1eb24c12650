package com.mclass.gateway.error;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.mclass.platform.web.ErrorMessages;

/**
 * The texts of the error envelope: the gateway's own wording ({@code gateway-messages}) first, then the platform's
 * shared texts for every other code. The platform installs {@link ErrorMessages} for servlet services only.
 */
@Configuration(proxyBeanMethods = false)
class ErrorMessagesConfiguration {

	@Bean
	ErrorMessages errorMessages() {
		ResourceBundleMessageSource platform = bundle("mclass/platform-messages");
		ResourceBundleMessageSource gateway = bundle("gateway-messages");
		gateway.setParentMessageSource(platform);
		return new ErrorMessages(gateway);
	}

	private static ResourceBundleMessageSource bundle(String basename) {
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename(basename);
		bundle.setDefaultEncoding("UTF-8");
		// The base bundle is Korean; the JVM's language must not decide what a Korean client reads.
		bundle.setFallbackToSystemLocale(false);
		return bundle;
	}

}
