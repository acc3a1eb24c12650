package com.mclass.launcher;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five MClass services the launcher runs. When starts are queued ({@link PlatformSpec#startupConcurrency()})
 * they start in this order: the gateway, the public entry point, last.
 */
public enum PlatformService {

	AUTH("auth-service", "auth", "MCLASS_AUTH_URL", "MCLASS_AUTH_PORT", 8081),
	CLASS("class-service", "class", "MCLASS_CLASS_URL", "MCLASS_CLASS_PORT", 8082),
	ENROLLMENT("enrollment-service", "enrollment", "MCLASS_ENROLLMENT_URL", "MCLASS_ENROLLMENT_PORT", 8083),
	NOTIFICATION("notification-service", "notification", "MCLASS_NOTIFICATION_URL", "MCLASS_NOTIFICATION_PORT", 8084),
	GATEWAY("gateway", null, "MCLASS_GATEWAY_URL", "MCLASS_GATEWAY_PORT", 8080);

	private final String module;

	private final String databaseSuffix;

	private final String urlVariable;

	private final String portVariable;

	private final int defaultPort;

	PlatformService(String module, String databaseSuffix, String urlVariable, String portVariable, int defaultPort) {
		this.module = module;
		this.databaseSuffix = databaseSuffix;
		this.urlVariable = urlVariable;
		this.portVariable = portVariable;
		this.defaultPort = defaultPort;
	}

	/** The Maven module, which is also the name of its jar ({@code <module>/target/<module>.jar}) and log file. */
	public String module() {
		return this.module;
	}

	/** The database name without the prefix ({@code auth} → {@code mclass_auth}); empty for the gateway. */
	public Optional<String> databaseSuffix() {
		return Optional.ofNullable(this.databaseSuffix);
	}

	/** The environment variable through which every service learns this service's base URL. */
	public String urlVariable() {
		return this.urlVariable;
	}

	/** The environment variable of the launcher that overrides this service's port. */
	public String portVariable() {
		return this.portVariable;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	/**
	 * The environment variable that overrides this service's management port (actuator: probes, metrics), e.g.
	 * {@code MCLASS_GATEWAY_MANAGEMENT_PORT}; the service's application.yml reads the same variable.
	 */
	public String managementPortVariable() {
		return this.portVariable.replace("_PORT", "_MANAGEMENT_PORT");
	}

	/** The service port + 1000: 9080 (gateway) to 9084 (notification-service). */
	public int defaultManagementPort() {
		return this.defaultPort + 1000;
	}

	/**
	 * Whether every enroll request of a rush runs through this service: those get the JIT's full optimisation and a
	 * larger heap ({@link #hotPathHeap()}).
	 */
	public boolean isOnTheHotPath() {
		return this == GATEWAY || this == ENROLLMENT;
	}

	/**
	 * The heap option of a hot-path service. enrollment-service also holds the live streams: ~100 KB of Tomcat's
	 * per-connection buffers each, 5,000 per replica ({@code mclass.live.max-streams}) on top of its ~150 MB; with the
	 * serial collector that takes 1 GB (at 512 MB it ran out of heap at ~3,700 streams).
	 */
	public String hotPathHeap() {
		return (this == ENROLLMENT) ? "-Xmx1g" : "-Xmx512m";
	}

	public static PlatformService ofModule(String module) {
		return Arrays.stream(values())
			.filter((service) -> service.module.equals(module))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No MClass service named '" + module + "'; known: "
					+ Arrays.stream(values()).map(PlatformService::module).toList()));
	}

}
