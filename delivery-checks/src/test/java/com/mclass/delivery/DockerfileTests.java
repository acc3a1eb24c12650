package com.mclass.delivery;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One Dockerfile per deployable, built the same way (docker build is not available here; these are the rules). */
class DockerfileTests {

	static List<String> deployables() {
		return Repo.deployables();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("deployables")
	void buildsTheModuleInStagesAndRunsItAsAnUnprivilegedUser(String service) {
		String dockerfile = Repo.read(service + "/Dockerfile");
		int port = ServiceConfig.of(service).port();
		List<String> froms = lines(dockerfile, "FROM ");
		assertThat(froms).as("multi-stage").hasSizeGreaterThanOrEqualTo(2);
		assertThat(dockerfile).contains("ARG JRE_IMAGE=eclipse-temurin:25-jre")
			.contains("ARG JDK_IMAGE=eclipse-temurin:25-jdk");
		assertThat(froms.get(froms.size() - 1)).as("runtime stage").isEqualTo("FROM ${JRE_IMAGE}");
		// Dependency layer: poms (and the wrapper) first, the module's dependencies resolved, then the sources.
		int goOffline = dockerfile.indexOf("go-offline");
		int sources = dockerfile.indexOf("\nCOPY . .", dockerfile.indexOf("AS build"));
		assertThat(goOffline).as("dependencies resolved in their own layer").isPositive().isLessThan(sources);
		assertThat(dockerfile).contains("./mvnw -pl " + service + " -am ")
			.contains("java -Djarmode=tools -jar " + service + "/target/" + service + ".jar")
			.contains("extract --layers --launcher");
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			assertThat(dockerfile).contains("COPY --from=build /layers/" + layer + "/ ./");
		}
		Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::(\\d+))?$").matcher(dockerfile);
		assertThat(user.find()).as("USER with a numeric uid").isTrue();
		assertThat(Integer.parseInt(user.group(1))).as("non-root uid").isPositive();
		assertThat(dockerfile).contains("EXPOSE " + port).contains("SERVER_PORT=" + port);
		assertThat(dockerfile).containsPattern("HEALTHCHECK [^\\n]*(\\\\\\n[^\\n]*)*/actuator/health/readiness");
		assertThat(dockerfile).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
		assertThat(dockerfile).contains("exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher");
	}

	@Test
	void theBuildContextLeavesOutLocalBuildOutput() {
		String ignore = Repo.read(".dockerignore");
		assertThat(ignore.lines().map(String::strip)).contains("**/target/", ".git/", ".mclass/");
	}

	@Test
	void everyModuleTheReactorListsExists() {
		// The images' first stage copies every pom: -pl <module> -am needs the whole reactor.
		for (String module : Repo.modules()) {
			assertThat(Repo.exists(module + "/pom.xml")).as("%s/pom.xml", module).isTrue();
		}
	}

	private static List<String> lines(String text, String prefix) {
		return text.lines().filter((line) -> line.startsWith(prefix)).map(String::strip).toList();
	}

}
