package com.mclass.enrollment;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

/**
 * Translates PostgreSQL errors by their SQLSTATE with spring-jdbc's PostgreSQL table. Without a project
 * {@code sql-error-codes.xml}, JdbcTemplate (and the JdbcClient built on it) uses the JDBC-subclass translator, and
 * the PostgreSQL driver throws one exception class for everything: {@code 55P03} (lock not granted within
 * {@code lock_timeout}) then surfaces as an uncategorized 500 instead of the overload it is. With the table it is a
 * {@code CannotAcquireLockException}, which platform-web's {@code DatabaseFailures} answers with 503.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseErrorTranslation {

	@Bean
	static BeanPostProcessor postgresErrorCodes() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcTemplate template) {
					DataSource dataSource = template.getDataSource();
					if (dataSource != null) {
						template.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(dataSource));
					}
				}
				return bean;
			}
		};
	}

}
