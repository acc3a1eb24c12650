package com.mclass.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mclass.launcher.FakeServiceJar;
import com.mclass.launcher.net.LocalPorts;

class ServiceProcessTests {

	@TempDir
	Path directory;

	private Path jar;

	private final List<ServiceProcess> spawned = new ArrayList<>();

	@BeforeEach
	void buildFakeService() throws Exception {
		this.jar = FakeServiceJar.write(this.directory.resolve("fake-service").resolve("target").resolve("fake-service.jar"));
	}

	@AfterEach
	void stopEverything() {
		ServiceProcess.stopAll(this.spawned, Duration.ofSeconds(5));
	}

	@Test
	void waitsUntilTheServiceIsReadyAndStopsItWithSigterm() throws Exception {
		ServiceProcess.Launch launch = launch(Map.of("FAKE_STARTUP_DELAY_MS", "1000"), CdsMode.OFF, Duration.ofSeconds(30));

		ServiceProcess service = ServiceProcess.startReady(launch, this.spawned::add);

		assertThat(service.readyAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(get(URI.create("http://localhost:" + launch.port() + "/env")).body())
			.contains("\"SERVER_PORT\":\"" + launch.port() + "\"");
		service.close();
		assertThat(service.isAlive()).isFalse();
		assertThat(LocalPorts.isFree(launch.port())).isTrue();
		assertThat(Files.readString(launch.logFile())).startsWith("# mclass: ").contains("Received SIGTERM, stopping");
	}

	@Test
	void reportsAServiceThatExitsWhileStartingWithTheEndOfItsLog() {
		ServiceProcess.Launch launch = launch(Map.of("FAKE_BEHAVIOUR", "exit"), CdsMode.OFF, Duration.ofSeconds(30));

		assertThatExceptionOfType(ServiceStartupException.class)
			.isThrownBy(() -> ServiceProcess.startReady(launch, this.spawned::add))
			.withMessageContaining("fake-service exited with code 3 while starting")
			.withMessageContaining(launch.logFile().toString())
			.withMessageContaining("ERROR fake.FakeService: Application run failed")
			.withMessageContaining("java.lang.IllegalStateException: no database");
	}

	@Test
	void failsFastWhenTheLogSaysTheStartFailedEvenThoughTheJvmLingers() {
		ServiceProcess.Launch launch = launch(Map.of("FAKE_BEHAVIOUR", "linger"), CdsMode.OFF, Duration.ofSeconds(60));
		long started = System.nanoTime();

		assertThatExceptionOfType(ServiceStartupException.class)
			.isThrownBy(() -> ServiceProcess.startReady(launch, this.spawned::add))
			.withMessageContaining("fake-service failed to start (its log says \"Application run failed\")")
			.withMessageContaining("java.lang.NoClassDefFoundError: gone");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void givesUpOnAServiceThatDoesNotBecomeReadyInTime() {
		ServiceProcess.Launch launch = launch(Map.of("FAKE_BEHAVIOUR", "never-ready"), CdsMode.OFF, Duration.ofSeconds(2));

		assertThatExceptionOfType(ServiceStartupException.class)
			.isThrownBy(() -> ServiceProcess.startReady(launch, this.spawned::add))
			.withMessageContaining("fake-service did not become ready within 2 s")
			.withMessageContaining("503 {\"status\":\"OUT_OF_SERVICE\"}");
	}

	@Test
	void killsAServiceAndWhatItStartedWhenItDoesNotStopWithinTheGracePeriod() {
		ServiceProcess.Launch launch = launch(Map.of("FAKE_SHUTDOWN_DELAY_MS", "60000", "FAKE_CHILD_COMMAND", "sleep 300"),
				CdsMode.OFF, Duration.ofSeconds(30));
		ServiceProcess service = ServiceProcess.startReady(launch, this.spawned::add);
		List<ProcessHandle> children = ProcessHandle.of(service.pid()).orElseThrow().descendants().toList();
		assertThat(children).isNotEmpty();

		long started = System.nanoTime();
		ServiceProcess.stopAll(List.of(service), Duration.ofSeconds(1));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(service.isAlive()).isFalse();
		assertThat(children).noneMatch(ProcessHandle::isAlive);
		assertThat(LocalPorts.isFree(launch.port())).isTrue();
	}

	@Test
	void startsPlainlyWhenItsStartupCacheIsBroken() throws Exception {
		ServiceProcess.Launch launch = launch(Map.of(), CdsMode.USE, Duration.ofSeconds(30));
		StartupCache cache = StartupCache.of(launch.cacheRoot(), launch.name(), launch.jar(), launch.runtime());
		Path cacheDirectory = cacheFileOf(cache).getParent();
		Files.createDirectories(cacheDirectory);
		Files.writeString(cacheFileOf(cache), "not a cache");
		Files.writeString(cacheDirectory.resolve("complete"), "yes");
		assertThat(cache.isReady()).isTrue();

		ServiceProcess service = ServiceProcess.startReady(launch, this.spawned::add);

		assertThat(service.isAlive()).isTrue();
		assertThat(service.isFromCache()).isFalse();
		assertThat(cache.isReady()).isFalse();
		assertThat(this.spawned).hasSize(2);
	}

	@Test
	void keepsTheStartupCacheWhenTheServiceItselfFailsToStart() throws Exception {
		ServiceProcess.Launch launch = launch(Map.of("FAKE_BEHAVIOUR", "exit"), CdsMode.USE, Duration.ofSeconds(30));
		StartupCache cache = StartupCache.of(launch.cacheRoot(), launch.name(), launch.jar(), launch.runtime());
		List<String> arguments = cache.launchArguments();
		Path extractedJar = Path.of(arguments.get(arguments.size() - 1));
		Files.createDirectories(extractedJar.getParent());
		Files.copy(launch.jar(), extractedJar);
		Files.writeString(cacheFileOf(cache), "an unusable cache: the JVM warns and starts without it");
		Files.writeString(cacheFileOf(cache).resolveSibling("complete"), "yes");

		assertThatExceptionOfType(ServiceStartupException.class)
			.isThrownBy(() -> ServiceProcess.startReady(launch, this.spawned::add))
			.withMessageContaining("fake-service exited with code 3 while starting (from its startup cache)");
		assertThat(this.spawned).hasSize(1);
		assertThat(cache.isReady()).isTrue();
	}

	@Test
	void startsWithoutACacheWhenNoneCanBeCreated() {
		ServiceProcess.Launch launch = launch(Map.of("FAKE_TRAINING_FAILS", "yes"), CdsMode.CREATE,
				Duration.ofSeconds(30));

		ServiceProcess service = ServiceProcess.startReady(launch, this.spawned::add);

		assertThat(service.isAlive()).isTrue();
		assertThat(service.isFromCache()).isFalse();
		assertThat(StartupCache.of(launch.cacheRoot(), launch.name(), launch.jar(), launch.runtime()).isReady()).isFalse();
	}

	@Test
	void aCreatedStartupCacheIsUsedByTheNextStart() {
		assumeTrue(JavaRuntime.of(JavaRuntime.defaultExecutable(Map.of())).feature() >= 13, "needs a JDK with CDS archives");
		ServiceProcess.Launch launch = launch(Map.of(), CdsMode.CREATE, Duration.ofSeconds(60));

		ServiceProcess first = ServiceProcess.startReady(launch, this.spawned::add);

		assertThat(first.isFromCache()).isTrue();
		assertThat(StartupCache.of(launch.cacheRoot(), launch.name(), launch.jar(), launch.runtime()).isReady()).isTrue();
	}

	@Test
	void aSessionThatRecordedLeavesAStartupCacheForTheNextStartWhenItStops() throws Exception {
		JavaRuntime runtime = JavaRuntime.of(JavaRuntime.defaultExecutable(Map.of()));
		assumeTrue(runtime.feature() >= 25, "recording a session for the AOT cache needs JDK 25");
		ServiceProcess.Launch training = launch(Map.of(), CdsMode.TRAIN, Duration.ofSeconds(60));
		StartupCache cache = StartupCache.of(training.cacheRoot(), training.name(), training.jar(), training.runtime());

		ServiceProcess recording = ServiceProcess.startReady(training, this.spawned::add);

		assertThat(recording.isFromCache()).isFalse();
		assertThat(cache.isReady()).as("no cache while the session runs").isFalse();
		assertThat(Files.readString(training.logFile())).contains("-XX:AOTMode=record");
		ServiceProcess.stopAll(List.of(recording), Duration.ofSeconds(5));
		ServiceProcess.buildTrainedCaches(List.of(recording));
		assertThat(cache.isReady()).isTrue();

		ServiceProcess next = ServiceProcess.startReady(sameServiceWith(training, CdsMode.USE), this.spawned::add);

		assertThat(next.isFromCache()).isTrue();
		assertThat(get(URI.create("http://localhost:" + next.launch().port() + "/env")).statusCode()).isEqualTo(200);
	}

	@Test
	void byDefaultAServiceWithoutACacheRecordsItsSessionAndTheNextStartUsesTheCacheBuiltFromIt() throws Exception {
		JavaRuntime runtime = JavaRuntime.of(JavaRuntime.defaultExecutable(Map.of()));
		assumeTrue(runtime.feature() >= 25, "recording a session for the AOT cache needs JDK 25");
		ServiceProcess.Launch launch = launch(Map.of(), CdsMode.USE_OR_TRAIN, Duration.ofSeconds(60));

		ServiceProcess first = ServiceProcess.startReady(launch, this.spawned::add);
		ServiceProcess.stopAll(List.of(first), Duration.ofSeconds(5));
		ServiceProcess.buildTrainedCaches(List.of(first));
		ServiceProcess second = ServiceProcess.startReady(launch, this.spawned::add);

		assertThat(first.isFromCache()).isFalse();
		assertThat(second.isFromCache()).isTrue();
		assertThat(Files.readString(launch.logFile())).as("the second start's command heads the log")
			.contains("-XX:AOTCache=")
			.doesNotContain("-XX:AOTMode=record");
	}

	@Test
	void aRecordingServiceThatWasKilledLeavesNoStartupCache() {
		JavaRuntime runtime = JavaRuntime.of(JavaRuntime.defaultExecutable(Map.of()));
		assumeTrue(runtime.feature() >= 25, "recording a session for the AOT cache needs JDK 25");
		ServiceProcess.Launch training = launch(Map.of(), CdsMode.TRAIN, Duration.ofSeconds(60));
		ServiceProcess recording = ServiceProcess.startReady(training, this.spawned::add);

		recording.kill();
		ServiceProcess.buildTrainedCaches(List.of(recording));

		assertThat(StartupCache.of(training.cacheRoot(), training.name(), training.jar(), training.runtime()).isReady())
			.isFalse();
	}

	private ServiceProcess.Launch sameServiceWith(ServiceProcess.Launch launch, CdsMode cds) {
		return new ServiceProcess.Launch(launch.name(), launch.jar(), launch.runtime(), launch.jvm().withCds(cds),
				launch.environment(), launch.port(), launch.logFile(), launch.cacheRoot(), launch.readyTimeout());
	}

	private static Path cacheFileOf(StartupCache cache) {
		List<String> arguments = cache.launchArguments();
		return Path.of(arguments.get(0).substring(arguments.get(0).indexOf('=') + 1));
	}

	@Test
	void aKilledServiceIsGoneAtOnceAndARestartBringsItBackOnItsPortWithItsLogKept() throws Exception {
		ServiceProcess.Launch launch = launch(Map.of(), CdsMode.OFF, Duration.ofSeconds(30));
		ServiceProcess first = ServiceProcess.startReady(launch, this.spawned::add);

		first.kill();

		assertThat(first.isAlive()).isFalse();
		assertThat(first.exitValue()).as("SIGKILL").isEqualTo(137);
		assertThat(LocalPorts.isFree(launch.port())).isTrue();
		assertThat(Files.readString(launch.logFile())).doesNotContain("Received SIGTERM");

		ServiceProcess second = ServiceProcess.restartReady(first.launch(), this.spawned::add);

		assertThat(second.pid()).isNotEqualTo(first.pid());
		assertThat(get(URI.create("http://localhost:" + launch.port() + "/env")).statusCode()).isEqualTo(200);
		assertThat(Files.readString(launch.logFile()).split("# mclass: ", -1)).as("both starts in one log").hasSize(3);
	}

	private ServiceProcess.Launch launch(Map<String, String> environment, CdsMode cds, Duration readyTimeout) {
		int port = LocalPorts.freePort();
		Map<String, String> withPort = new java.util.HashMap<>(environment);
		withPort.put("SERVER_PORT", String.valueOf(port));
		JavaRuntime runtime = JavaRuntime.of(JavaRuntime.defaultExecutable(Map.of()));
		return new ServiceProcess.Launch("fake-service", this.jar, runtime,
				new JvmSettings(runtime.executable(), JvmSettings.STARTUP_FRIENDLY_OPTIONS, cds), withPort, port,
				this.directory.resolve("logs").resolve("fake-service.log"), this.directory.resolve("cds"), readyTimeout);
	}

	private static HttpResponse<String> get(URI uri) throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
