package com.mclass.platform.web.apidocs;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Marks a record's properties nullable in the API documents when Java lets them be null: every component of a
 * reference type ({@code String}, {@code Instant}, a nested record, a list, a map…) without {@code @NotNull},
 * {@code @NotBlank} or {@code @NotEmpty}. Records are written with their nulls ({@code "reason": null}), so a document
 * that calls such a field a plain string is refused by any validating client the first time it is null. Primitive
 * components never are. OpenAPI 3.1 says it with {@code type: [string, "null"]} (a {@code $ref} becomes
 * {@code anyOf: [$ref, {type: "null"}]}); 3.0 with {@code nullable: true}.
 */
public final class NullableProperties implements ModelConverter {

	private static final Set<String> NOT_NULL = Set.of("NotNull", "NotBlank", "NotEmpty");

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema resolved = chain.next().resolve(type, context, chain);
		if (resolved == null || type.getType() == null) {
			return resolved;
		}
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (!raw.isRecord()) {
			return resolved;
		}
		Schema model = resolved;
		if (resolved.get$ref() != null) {
			model = context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
		}
		if (model == null || model.getProperties() == null) {
			return resolved;
		}
		Map<String, Schema> properties = model.getProperties();
		for (RecordComponent component : raw.getRecordComponents()) {
			if (component.getType().isPrimitive() || declaredNotNull(component)) {
				continue;
			}
			String name = jsonName(component);
			Schema property = properties.get(name);
			if (property == null) {
				continue;
			}
			properties.put(name, nullable(property, model.getSpecVersion()));
		}
		return resolved;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static Schema nullable(Schema property, SpecVersion specVersion) {
		if (specVersion != SpecVersion.V31) {
			if (property.get$ref() != null) {
				Schema wrapper = new Schema<>().nullable(true);
				wrapper.setAllOf(new ArrayList<>(List.of(new Schema<>().$ref(property.get$ref()))));
				wrapper.setDescription(property.getDescription());
				return wrapper;
			}
			return property.nullable(true);
		}
		if (property.get$ref() != null) {
			JsonSchema wrapper = new JsonSchema();
			wrapper.setAnyOf(new ArrayList<>(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().typesItem("null"))));
			wrapper.setDescription(property.getDescription());
			return wrapper;
		}
		Set<String> types = (property.getTypes() != null) ? new LinkedHashSet<>(property.getTypes()) : new LinkedHashSet<>();
		if (types.isEmpty() && property.getType() != null) {
			types.add(property.getType());
		}
		if (types.isEmpty()) {
			// No type constraint at all (e.g. Object): null already matches.
			return property;
		}
		types.add("null");
		property.setTypes(types);
		if (property.getEnum() != null && !property.getEnum().contains(null)) {
			List<Object> values = new ArrayList<>(property.getEnum());
			values.add(null);
			property.setEnum(values);
		}
		return property;
	}

	private static boolean declaredNotNull(RecordComponent component) {
		for (Annotation annotation : component.getAnnotations()) {
			if (NOT_NULL.contains(annotation.annotationType().getSimpleName())) {
				return true;
			}
		}
		try {
			for (Annotation annotation : component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotations()) {
				if (NOT_NULL.contains(annotation.annotationType().getSimpleName())) {
					return true;
				}
			}
		}
		catch (NoSuchFieldException ex) {
			// every record component has its field
		}
		return false;
	}

	private static String jsonName(RecordComponent component) {
		JsonProperty renamed = component.getAnnotation(JsonProperty.class);
		return (renamed != null && !renamed.value().isEmpty()) ? renamed.value() : component.getName();
	}

}
