# Build: the same Maven build as on a developer machine; tests run in CI, not in the image build.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY routes routes
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
# the jar finds its dependencies in lib/ beside it (Class-Path in its manifest)
COPY --from=build /src/target/sessionflow.jar /app/sessionflow.jar
COPY --from=build /src/target/lib /app/lib
# routes/ beside the working directory are loaded at start; mount your own over it to add routes
COPY routes /app/routes
RUN useradd --system --uid 10001 sessionflow && mkdir -p /app/data && chown sessionflow /app/data
USER sessionflow
# operations server (/observe/health, /observe/metrics) on every interface of the container
ENV SESSIONFLOW_OBSERVE_HOST=0.0.0.0 SESSIONFLOW_OBSERVE_PORT=8081
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=15s --start-period=60s --retries=3 \
  CMD ["java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-jar", "/app/sessionflow.jar", "health", "live"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/sessionflow.jar"]
CMD ["run"]
