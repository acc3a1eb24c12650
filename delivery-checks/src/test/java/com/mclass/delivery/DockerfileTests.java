package com.mclass.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Dockerfile every service image is built from (docker build is not available here; these are the rules): the
 * module chosen by build argument, only that module and the shared libraries copied (a commit elsewhere leaves the
 * image's layers alone), Maven's repository in a BuildKit cache mount, a layered jar on a JRE as an unprivileged user,
 * actuator on the management port.
 */
class DockerfileTests {

	static final String DOCKERFILE = "Dockerfile";

	/** The in-house libraries the services build against: the only other modules whose sources go into an image. */
	static final List<String> LIBRARIES = List.of("platform-web", "platform-test", "platform-events", "form-rules");

	@Test
	void oneDockerfileBuildsEveryServiceAndNoModuleHasItsOwn() {
		assertThat(Repo.exists(DOCKERFILE)).isTrue();
		for (String service : Repo.deployables()) {
			assertThat(Repo.exists(service + "/Dockerfile")).as("%s/Dockerfile (one shared Dockerfile instead)", service).isFalse();
		}
	}

	@Test
	void buildsInStagesAndRunsAsAnUnprivilegedUser() {
		String dockerfile = Repo.read(DOCKERFILE);
		List<String> froms = lines(dockerfile, "FROM ");
		assertThat(froms).as("multi-stage").hasSizeGreaterThanOrEqualTo(2);
		assertThat(dockerfile).contains("ARG JRE_IMAGE=eclipse-temurin:25-jre").contains("ARG JDK_IMAGE=eclipse-temurin:25-jdk");
		assertThat(froms.get(froms.size() - 1)).as("runtime stage").isEqualTo("FROM ${JRE_IMAGE}");
		assertThat(dockerfile).contains("java -Djarmode=tools -jar \"${MODULE}/target/${MODULE}.jar\"")
			.contains("extract --layers --launcher");
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			assertThat(dockerfile).contains("COPY --from=build /layers/" + layer + "/ ./");
		}
		Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::(\\d+))?$").matcher(dockerfile);
		assertThat(user.find()).as("USER with a numeric uid").isTrue();
		assertThat(Integer.parseInt(user.group(1))).as("non-root uid").isPositive();
		assertThat(dockerfile).contains("exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher");
		assertThat(dockerfile).as("the fallback JAVA_OPTS sets GC and direct memory too")
			.containsPattern("JAVA_OPTS=\"[^\"]*-XX:\\+Use[A-Za-z0-9]+GC").containsPattern("JAVA_OPTS=\"[^\"]*-XX:MaxDirectMemorySize=")
			.contains("-XX:+ExitOnOutOfMemoryError");
	}

	@Test
	void copiesOnlyTheModuleTheSharedLibrariesAndThePoms() {
		String dockerfile = Repo.read(DOCKERFILE);
		List<String> copies = new ArrayList<>(lines(dockerfile, "COPY ").stream().filter((copy) -> !copy.contains("--from=")).toList());
		assertThat(copies).as("no COPY of the whole context: any commit would rebuild every image")
			.noneMatch((copy) -> copy.matches("COPY \\. .*"));
		for (String module : Repo.modules()) {
			assertThat(dockerfile).as("%s/pom.xml (-pl -am reads the whole reactor)", module)
				.contains("COPY " + module + "/pom.xml " + module + "/");
		}
		for (String library : LIBRARIES) {
			assertThat(dockerfile).contains("COPY " + library + "/src/ " + library + "/src/");
		}
		assertThat(dockerfile).contains("COPY ${MODULE}/src/ ${MODULE}/src/");
		// Every other source directory stays out of the image's build.
		for (String module : Repo.modules()) {
			if (!LIBRARIES.contains(module)) {
				assertThat(dockerfile).as("%s sources", module).doesNotContain("COPY " + module + "/src");
			}
		}
	}

	@Test
	void dependenciesComeFromABuildKitCacheAndJarsAreReproducible() {
		String dockerfile = Repo.read(DOCKERFILE);
		assertThat(dockerfile).startsWith("# syntax=docker/dockerfile:1")
			.contains("RUN --mount=type=cache,target=/root/.m2")
			.contains("./mvnw -pl \"${MODULE}\" -am -Dmaven.test.skip=true package");
		assertThat(Repo.read("pom.xml")).as("project.build.outputTimestamp: the same sources give the same jar")
			.containsPattern("<project\\.build\\.outputTimestamp>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z</project\\.build\\.outputTimestamp>");
	}

	@Test
	void exposesTheApiAndProbesActuatorOnTheManagementPort() {
		String dockerfile = Repo.read(DOCKERFILE);
		assertThat(dockerfile).contains("ARG PORT=").contains("ARG MANAGEMENT_PORT=")
			.contains("SERVER_PORT=${PORT}").contains("MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT}")
			.contains("EXPOSE ${PORT} ${MANAGEMENT_PORT}");
		assertThat(dockerfile).containsPattern(
				"HEALTHCHECK [^\\n]*(\\\\\\n[^\\n]*)*http://127\\.0\\.0\\.1:\\$\\{MANAGEMENT_SERVER_PORT}/actuator/health/readiness");
	}

	@Test
	void theBuildContextLeavesOutLocalBuildOutput() {
		String ignore = Repo.read(".dockerignore");
		assertThat(ignore.lines().map(String::strip)).contains("**/target/", ".git/", ".mclass/");
	}

	@Test
	void theDeploymentGuideBuildsImagesTheWayTheDockerfileExpects() {
		String guide = Repo.read("docs/DEPLOYMENT.md");
		assertThat(guide).doesNotContain("/Dockerfile").doesNotContain("-f $s/Dockerfile");
		// A command with its continuation lines (ending in a backslash).
		Matcher build = Pattern.compile("docker build (?:[^\\n]|\\\\\\n)*?(?<!\\\\)(?=\\n)").matcher(guide);
		int builds = 0;
		while (build.find()) {
			builds++;
			assertThat(build.group()).as("docker build in docs/DEPLOYMENT.md: %s", build.group())
				.contains("--build-arg MODULE=").containsPattern("\\s(\\.|\"\\$ROOT\"|\\$\\(git rev-parse --show-toplevel\\))\\s*$");
		}
		assertThat(builds).isPositive();
	}

	private static List<String> lines(String text, String prefix) {
		return text.lines().filter((line) -> line.startsWith(prefix)).map(String::strip).toList();
	}

}
