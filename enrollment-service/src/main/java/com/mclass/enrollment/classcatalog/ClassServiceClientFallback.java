package com.mclass.enrollment.classcatalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

import com.mclass.enrollment.seat.ClassCatalog;

/** What a failed call to class-service turns into: the cause logged, and {@link ClassCatalog.Unavailable}. */
@Component
class ClassServiceClientFallback implements FallbackFactory<ClassServiceClient> {

	private static final Logger log = LoggerFactory.getLogger(ClassServiceClientFallback.class);

	@Override
	public ClassServiceClient create(Throwable cause) {
		return (classId) -> {
			log.warn("class-service could not describe class {}: {}", classId, cause.toString());
			throw new ClassCatalog.Unavailable("class-service could not describe class " + classId, cause);
		};
	}

}
