package io.sessionflow.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;
import java.util.Properties;

/**
 * OpenTelemetry for this process, configured by the standard {@code OTEL_*} environment variables (or {@code otel.*}
 * system properties) through the SDK's autoconfigure module. With none of them set tracing is off: the no-op API,
 * nothing recorded, nothing exported, no connection opened, and nothing added to the records.
 */
public final class Tracing implements AutoCloseable {
    public static final Tracing OFF = new Tracing(OpenTelemetry.noop(), null);
    static final String INSTRUMENTATION = "io.sessionflow";
    private final OpenTelemetry otel;
    private final Tracer tracer;
    /** The SDK this instance created and so shuts down; null when it was given one or tracing is off. */
    private final OpenTelemetrySdk owned;

    private Tracing(OpenTelemetry otel, OpenTelemetrySdk owned) {
        this.otel = otel;
        this.tracer = otel.getTracer(INSTRUMENTATION);
        this.owned = owned;
    }

    /** Tracing with an OpenTelemetry the caller owns (tests give one with an in-memory exporter). */
    public static Tracing of(OpenTelemetry otel) {
        return new Tracing(otel, null);
    }

    public static Tracing fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperties());
    }

    static Tracing fromEnvironment(Map<String, String> env, Properties system) {
        if (!configured(env, system)) {
            return OFF;
        }
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                // defaults an OTEL_* variable overrides: Sessionflow sends traces (OTLP over HTTP, the sender it
                // ships: the JDK's HttpClient); its metrics are Prometheus's, its logs its own
                .addPropertiesSupplier(() -> Map.of("otel.service.name", "sessionflow",
                        "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.metrics.exporter", "none", "otel.logs.exporter", "none"))
                .disableShutdownHook()
                .build().getOpenTelemetrySdk();
        return new Tracing(sdk, sdk);
    }

    /** Any {@code OTEL_*} variable or {@code otel.*} property with a value turns tracing on. */
    static boolean configured(Map<String, String> env, Properties system) {
        return env.entrySet().stream().anyMatch(e -> e.getKey().startsWith("OTEL_") && !e.getValue().isBlank())
                || system.stringPropertyNames().stream().anyMatch(k -> k.startsWith("otel.")
                        && !system.getProperty(k).isBlank());
    }

    public boolean on() {
        return this != OFF;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** Exports what is still buffered, then stops the SDK this instance created. */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String toString() {
        return on() ? "tracing on (" + otel.getClass().getSimpleName() + ")" : "tracing off";
    }
}
