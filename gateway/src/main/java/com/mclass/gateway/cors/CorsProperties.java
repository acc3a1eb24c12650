package com.mclass.gateway.cors;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedOrigins the web front ends allowed to call the API from a browser ({@code MCLASS_GATEWAY_CORS_ALLOWED_ORIGINS},
 * comma separated; patterns such as {@code https://*.mclass.example} work). Empty: no cross-origin access at all.
 * @param maxAge how long a browser may reuse a preflight answer
 */
@ConfigurationProperties("mclass.gateway.cors")
record CorsProperties(@DefaultValue({}) List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
}
