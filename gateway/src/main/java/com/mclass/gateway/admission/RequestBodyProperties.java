package com.mclass.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest request body the gateway forwards ({@code MCLASS_GATEWAY_MAX_REQUEST_BODY_SIZE}); the
 * MClass API takes small JSON documents only
 */
@ConfigurationProperties("mclass.gateway.request-body")
record RequestBodyProperties(@DefaultValue("1MB") DataSize maxSize) {
}
