# syntax=docker/dockerfile:1
#
# The image of any MClass service: one Dockerfile, the module chosen by build arguments. From the repository root:
#   docker build --build-arg MODULE=enrollment-service --build-arg PORT=8083 \
#     -t mclass/enrollment-service:$(git rev-parse --short HEAD) .
# (docker-compose.yml passes the same arguments per service; docs/DEPLOYMENT.md lists them.)
# Only the module, the shared libraries it builds against and the build descriptors are copied, so a commit that
# touches another service leaves this image's layers as they were. Maven's repository is a BuildKit cache mount:
# dependencies are downloaded once per builder, not once per image and commit.
#
# Base images: pin them by digest for releases (the tags below move with every Temurin update), e.g.
#   --build-arg JRE_IMAGE=eclipse-temurin:25-jre@sha256:<digest>
# where <digest> comes from `docker buildx imagetools inspect eclipse-temurin:25-jre` (or your registry mirror).

ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG JRE_IMAGE=eclipse-temurin:25-jre

# --- 1. Build: the reactor's poms (Maven needs every module's pom for -pl -am), the shared libraries, the module. ---
FROM ${JDK_IMAGE} AS build
ARG MODULE
WORKDIR /src
ENV MAVEN_ARGS="-B -ntp -q"
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY platform-bom/pom.xml platform-bom/
COPY delivery-checks/pom.xml delivery-checks/
COPY platform-web/pom.xml platform-web/
COPY platform-test/pom.xml platform-test/
COPY platform-events/pom.xml platform-events/
COPY form-rules/pom.xml form-rules/
COPY gateway/pom.xml gateway/
COPY auth-service/pom.xml auth-service/
COPY class-service/pom.xml class-service/
COPY enrollment-service/pom.xml enrollment-service/
COPY notification-service/pom.xml notification-service/
COPY local-launcher/pom.xml local-launcher/
COPY system-tests/pom.xml system-tests/
COPY load-tests/pom.xml load-tests/
COPY load-tests/floor-gateway/pom.xml load-tests/floor-gateway/
COPY load-tests/floor-endpoint/pom.xml load-tests/floor-endpoint/
# The shared libraries (every service builds against some of them; -am picks the ones it needs).
COPY platform-web/src/ platform-web/src/
COPY platform-test/src/ platform-test/src/
COPY platform-events/src/ platform-events/src/
COPY form-rules/src/ form-rules/src/
COPY ${MODULE}/src/ ${MODULE}/src/
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" \
    && ./mvnw -pl "${MODULE}" -am -Dmaven.test.skip=true package \
    && java -Djarmode=tools -jar "${MODULE}/target/${MODULE}.jar" extract --layers --launcher --destination /layers \
    && mkdir -p /layers/dependencies /layers/spring-boot-loader /layers/snapshot-dependencies /layers/application

# --- 2. Runtime: JRE, non-root, the Spring Boot layers from the least to the most often changed. -------------------
FROM ${JRE_IMAGE}
ARG PORT=8080
ARG MANAGEMENT_PORT=9080
# curl for the HEALTHCHECK (some temurin tags ship neither curl nor wget).
RUN if ! command -v curl >/dev/null 2>&1; then \
        apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*; \
    fi \
    && groupadd --system --gid 10001 mclass \
    && useradd --system --uid 10001 --gid mclass --home-dir /app --no-create-home --shell /usr/sbin/nologin mclass
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001

# JAVA_OPTS is a fallback for a bare `docker run`: every deployment (compose, Helm, Terraform) sets heap, direct
# memory, metaspace, code cache and GC explicitly for the memory it gives the container. Without it the JVM would
# pick SerialGC below 1,792 MiB and leave Netty's direct memory as large as the heap.
ENV SERVER_PORT=${PORT} \
    MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT} \
    JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:MaxDirectMemorySize=128m -XX:MaxMetaspaceSize=200m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
# The API; actuator (probes, metrics) listens on the management port, which is never published to clients.
EXPOSE ${PORT} ${MANAGEMENT_PORT}

# Readiness, not liveness: Docker (and compose's depends_on: service_healthy) should only route to, or start
# dependants after, an instance that accepts traffic. Kubernetes and ECS use their own probes (helm/, terraform/).
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${MANAGEMENT_SERVER_PORT}/actuator/health/readiness" || exit 1

# exec: java is PID 1 and gets SIGTERM directly (graceful shutdown); JAVA_OPTS can be replaced at run time.
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]
