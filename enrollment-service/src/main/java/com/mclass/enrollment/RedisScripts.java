package com.mclass.enrollment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Lua scripts kept as files next to the code, read once. A script built on the resource itself
 * ({@code setLocation}) asks the resource for its last-modified time on every call, to reload an edited file: inside
 * the executable jar that lookup throws and catches a {@code FileNotFoundException} per call, which on the enroll path
 * was one exception with a full stack trace per request.
 */
public final class RedisScripts {

	private RedisScripts() {
	}

	public static <T> RedisScript<T> fromClasspath(String path, Class<T> resultType) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new DefaultRedisScript<>(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Lua script " + path + " could not be read", ex);
		}
	}

}
