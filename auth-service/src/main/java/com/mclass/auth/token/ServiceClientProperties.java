package com.mclass.auth.token;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services that may ask for a service token (client-credentials grant) to call other services' {@code /internal/**}.
 *
 * @param clients client id → secret; secrets come from the environment in production
 * @param tokenTtl lifetime of a service token; callers fetch a new one shortly before it expires
 */
@ConfigurationProperties("mclass.auth.service")
record ServiceClientProperties(@DefaultValue({}) Map<String, String> clients, @DefaultValue("5m") Duration tokenTtl) {
}
