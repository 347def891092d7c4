package io.sessionflow.source;

import io.sessionflow.config.Settings;
import io.sessionflow.observe.PipelineMetrics;
import io.sessionflow.source.http.CamelVendorHttp;
import io.sessionflow.source.http.FaultGuard;
import io.sessionflow.source.http.FaultPolicy;
import io.sessionflow.source.http.ResilientVendorHttp;
import io.sessionflow.source.http.Sleeper;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;

/** What a source module gets to build its poller: settings, the shared tracker, a clock, HTTP, metrics. */
public record SourceContext(Settings settings, SessionTracker tracker, Clock clock, ProducerTemplate template,
                            PipelineMetrics metrics, String vendorTls) {

    /** Without operations: meters go to a registry nobody scrapes, vendor TLS is the JVM's default. */
    public SourceContext(Settings settings, SessionTracker tracker, Clock clock, ProducerTemplate template) {
        this(settings, tracker, clock, template,
                new PipelineMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), null);
    }

    /** HTTP to one vendor under the shared fault policy (retries, Retry-After, circuit breaker, rate limit). */
    public VendorHttp http(String system, String baseUrl) {
        VendorHttp plain = new CamelVendorHttp(system, baseUrl,
                (int) settings.duration("sessionflow.http.timeout").toMillis(),
                settings.integer("sessionflow.http.max-body-bytes"), vendorTls, template);
        return new ResilientVendorHttp(plain, faultGuard(system));
    }

    /** The custom vendor truststore for a source's own clients (not Camel endpoints); empty: the JVM's CAs. */
    public java.util.Optional<io.sessionflow.source.http.VendorTls.Trust> vendorTrust() {
        return io.sessionflow.source.http.VendorTls.trust(template.getCamelContext(), vendorTls);
    }

    /** The shared fault policy for one vendor, for transports other than {@link #http}. */
    public FaultGuard faultGuard(String system) {
        // wall-clock time, even when the pipeline runs on a test clock: waits and rate limits are real
        FaultGuard guard = new FaultGuard(system, FaultPolicy.from(settings), Clock.systemUTC(), Sleeper.REAL,
                new java.util.Random(), metrics.vendorCalls(system));
        metrics.breaker(system, guard.breaker());
        return guard;
    }
}
