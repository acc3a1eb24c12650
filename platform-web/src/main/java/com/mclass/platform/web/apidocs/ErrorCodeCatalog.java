package com.mclass.platform.web.apidocs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import com.mclass.platform.web.CommonErrorCode;
import com.mclass.platform.web.ErrorCode;

/**
 * Every error code a service can answer with: the platform's ({@link CommonErrorCode}) and the constants of the
 * service's own {@code *ErrorCode} classes (e.g. {@code EnrollmentErrorCode}), found under the application's packages.
 * A code added as a constant there is documented without anyone touching the API docs.
 */
public final class ErrorCodeCatalog {

	private final Map<String, ErrorCode> codes;

	private ErrorCodeCatalog(Map<String, ErrorCode> codes) {
		this.codes = codes;
	}

	public static ErrorCodeCatalog of(Collection<ErrorCode> codes) {
		Map<String, ErrorCode> byCode = new TreeMap<>();
		codes.forEach((code) -> byCode.putIfAbsent(code.code(), code));
		return new ErrorCodeCatalog(byCode);
	}

	/** The platform's codes plus the {@code public static final ErrorCode} constants of {@code *ErrorCode} classes. */
	public static ErrorCodeCatalog scan(List<String> basePackages, ClassLoader classLoader) {
		List<ErrorCode> found = new ArrayList<>(constantsOf(CommonErrorCode.class));
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*ErrorCode")));
		for (String basePackage : basePackages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				found.addAll(constantsOf(ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader)));
			}
		}
		return of(found);
	}

	private static List<ErrorCode> constantsOf(Class<?> type) {
		List<ErrorCode> constants = new ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			int modifiers = field.getModifiers();
			if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == ErrorCode.class) {
				try {
					field.setAccessible(true);
					constants.add((ErrorCode) field.get(null));
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					throw new IllegalStateException("Cannot read error code " + type.getName() + "." + field.getName(), ex);
				}
			}
		}
		return constants;
	}

	/** Every code, sorted. */
	public List<String> codes() {
		return List.copyOf(this.codes.keySet());
	}

	/** The codes that travel with {@code status}, sorted. */
	public List<String> codesFor(int status) {
		return this.codes.values()
			.stream()
			.filter((code) -> code.httpStatus() == status)
			.map(ErrorCode::code)
			.sorted(Comparator.naturalOrder())
			.collect(Collectors.toList());
	}

}
