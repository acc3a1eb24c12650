package com.mclass.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.mclass.launcher.LocalPlatform;
import com.mclass.launcher.PlatformService;
import com.mclass.launcher.PlatformSpec;

/**
 * A platform of its own for the fault tests (tag {@code chaos}, run by their own Surefire execution after the other
 * system tests, so the two platforms never run side by side): the fault tests kill its services, stop its broker and
 * make its mail sink refuse mail. Databases {@code mclass_chaos_*}, logs in {@code target/chaos-platform-logs}.
 * Configuration differs from production only where a fault would otherwise outlast the test:
 * <ul>
 * <li>notification-service retries mail after 1 s, 3 s, 10 s (production: 5 min, 15 min, 1 h, tested at that length
 * with a moved clock in notification-service's own tests), and a lease of 20 s (production 5 min) gives back the
 * mails a killed sender had claimed;</li>
 * <li>access tokens live 30 min, so the students signed up at the start outlast every phase.</li>
 * </ul>
 */
class FaultPlatform implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FaultPlatform.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == Gateway.class || type == MailInbox.class || type == LocalPlatform.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		LocalPlatform platform = context.getRoot()
			.getStore(NAMESPACE)
			.getOrComputeIfAbsent("platform", (key) -> new RunningPlatform.Started(LocalPlatform.start(spec())),
					RunningPlatform.Started.class)
			.platform();
		Class<?> type = parameter.getParameter().getType();
		if (type == LocalPlatform.class) {
			return platform;
		}
		return (type == Gateway.class) ? new Gateway(platform.gatewayUrl()) : new MailInbox(platform.mailApiUrl());
	}

	static PlatformSpec spec() {
		Path repoRoot = Path.of("").toAbsolutePath();
		while (!Files.exists(repoRoot.resolve("mvnw")) && repoRoot.getParent() != null) {
			repoRoot = repoRoot.getParent();
		}
		return PlatformSpec.forTests(repoRoot)
			.withDatabasePrefix("mclass_chaos_")
			.withLogDirectory(repoRoot.resolve("system-tests").resolve("target").resolve("chaos-platform-logs"))
			.withServiceEnvironment(PlatformService.NOTIFICATION,
					Map.of("MCLASS_MAIL_RETRY_DELAYS", "1s,3s,10s", "MCLASS_NOTIFICATION_SENDER_LEASE", "20s"))
			.withServiceEnvironment(PlatformService.AUTH, Map.of("MCLASS_AUTH_ACCESS_TOKEN_TTL", "30m"))
			// The faults are measured on the enroll path itself: the students a fault answered 503 come back together
			// when it ends, and that burst may switch the waiting room on (arrivals above the admission rate), whose
			// QUEUE_REQUIRED this rush client does not follow. QueueSystemTests covers the room.
			.withServiceEnvironment(PlatformService.ENROLLMENT, Map.of("MCLASS_QUEUE_AUTO_HOLD", "0"))
			// Starts and restarts on a busy two-core machine (other builds beside it) took over 300 s.
			.withServiceReadyTimeout(Duration.ofMinutes(10));
	}

}
