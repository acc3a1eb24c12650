package com.mclass.gateway.admission;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest request body the gateway forwards ({@code MCLASS_GATEWAY_MAX_REQUEST_BODY_SIZE}); the
 * MClass API takes small JSON documents only
 * @param uploadMaxSize the largest body on {@code uploadPaths} ({@code MCLASS_GATEWAY_MAX_UPLOAD_SIZE}): at least what
 * the service behind accepts (enrollment-service's bulk enrollment: 5 MB)
 * @param uploadPaths the paths (Spring path patterns) that take file uploads: an admin's bulk-enrollment CSV
 */
@ConfigurationProperties("mclass.gateway.request-body")
record RequestBodyProperties(@DefaultValue("1MB") DataSize maxSize, @DefaultValue("5MB") DataSize uploadMaxSize,
		@DefaultValue("/api/admin/mclasses/*/enrollments/import") List<String> uploadPaths) {
}
