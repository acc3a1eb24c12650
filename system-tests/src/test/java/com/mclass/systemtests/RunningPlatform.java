package com.mclass.systemtests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.mclass.launcher.LocalPlatform;
import com.mclass.launcher.PlatformSpec;

/**
 * Boots the platform once for the whole system-test run, exactly as {@code ./mclass up} does but on free ports and
 * fresh databases, and hands test classes a {@link Gateway} client. Stopped when the run ends.
 */
class RunningPlatform implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningPlatform.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Gateway.class || type == MailInbox.class || type == LocalPlatform.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Started platform = context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent("platform", (key) -> new Started(LocalPlatform.start(spec())), Started.class);
		ApiContract.watch(platform.platform().gatewayUrl());
		Class<?> type = parameter.getParameter().getType();
		if (type == LocalPlatform.class) {
			return platform.platform(); // for operators' views only: the service ports, never to bypass the gateway
		}
		return (type == Gateway.class) ? new Gateway(platform.platform().gatewayUrl())
				: new MailInbox(platform.platform().mailApiUrl());
	}

	private static PlatformSpec spec() {
		Path repoRoot = Path.of("").toAbsolutePath();
		while (!Files.exists(repoRoot.resolve("mvnw")) && repoRoot.getParent() != null) {
			repoRoot = repoRoot.getParent();
		}
		return PlatformSpec.forTests(repoRoot);
	}

	/** Closed by JUnit when the root context (the whole run) ends. */
	record Started(LocalPlatform platform) implements AutoCloseable {

		@Override
		public void close() {
			this.platform.close();
		}

		URI gatewayUrl() {
			return this.platform.gatewayUrl();
		}

	}

}
