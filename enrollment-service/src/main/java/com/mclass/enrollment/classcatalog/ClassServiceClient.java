package com.mclass.enrollment.classcatalog;

import java.util.Optional;
import java.util.UUID;

import feign.Retryer;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.mclass.enrollment.remote.Envelope;
import com.mclass.enrollment.seat.ClassData;

/**
 * class-service's internal read of a class's seat configuration ({@code mclass.class-service.url}, env
 * {@code MCLASS_CLASS_URL}). A 404 is an answer (the class does not exist), not a failure.
 */
@FeignClient(name = "class-service-catalog", url = "${mclass.class-service.url}", dismiss404 = true,
		configuration = ClassServiceClient.RetryOnce.class, fallbackFactory = ClassServiceClientFallback.class)
interface ClassServiceClient {

	@GetMapping("/internal/mclasses/{id}/seat-config")
	Optional<Envelope<ClassData>> seatConfig(@PathVariable("id") UUID id);

	/**
	 * A GET is idempotent, so a call that failed on the network is tried once more (inside the call's time limit).
	 * Not a {@code @Configuration}: it applies to this client only.
	 */
	class RetryOnce {

		@Bean
		Retryer classServiceRetryer() {
			return new Retryer.Default(100, 500, 2);
		}

	}

}
