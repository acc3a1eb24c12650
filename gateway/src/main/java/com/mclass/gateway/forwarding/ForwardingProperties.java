package com.mclass.gateway.forwarding;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies the proxies in front of the gateway whose {@code X-Forwarded-*} headers are believed, as CIDR
 * blocks or single addresses ({@code MCLASS_GATEWAY_TRUSTED_PROXIES}, comma separated). In production the load
 * balancer's subnets; the default, nobody, is right wherever clients connect directly.
 */
@ConfigurationProperties("mclass.gateway")
record ForwardingProperties(@DefaultValue({}) List<String> trustedProxies) {
}
