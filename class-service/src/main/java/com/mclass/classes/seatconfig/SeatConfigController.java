package com.mclass.classes.seatconfig;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.mclass.platform.web.ApiException;
import com.mclass.platform.web.ApiResponse;
import com.mclass.platform.web.CommonErrorCode;

/**
 * enrollment-service's fallback read ({@code GET /internal/mclasses/{id}/seat-config}). Never routed by the gateway
 * (it routes {@code /api/**} only), and answered only to a service token (platform-web's {@code ServiceCalls}), which
 * auth-service issues to enrollment-service; the network policy narrows it further in a deployment. Deleted classes are answered ({@code deleted: true}) so the caller can refuse enrollments;
 * an id that never existed is a 404.
 */
@Hidden // not part of the public API the gateway's Swagger UI shows; see the module README
@RestController
class SeatConfigController {

	private final SeatConfigurations configurations;

	SeatConfigController(SeatConfigurations configurations) {
		this.configurations = configurations;
	}

	@GetMapping("/internal/mclasses/{id}/seat-config")
	ApiResponse<SeatConfiguration> seatConfig(@PathVariable UUID id) {
		return ApiResponse.ok(this.configurations.of(id).orElseThrow(() -> new ApiException(CommonErrorCode.NOT_FOUND)));
	}

}
