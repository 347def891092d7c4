package io.sessionflow.source;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.observe.PipelineMetrics;
import io.sessionflow.source.http.CamelVendorHttp;
import io.sessionflow.source.http.FaultGuard;
import io.sessionflow.source.http.FaultPolicy;
import io.sessionflow.source.http.ResilientVendorHttp;
import io.sessionflow.source.http.Sleeper;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.source.http.VendorSpans;
import io.sessionflow.source.http.VendorTls;
import io.sessionflow.trace.Tracing;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;

/**
 * What a module gets to build one account's source: the account's settings, its own tracker, a clock, HTTP under
 * the account's own fault policy (rate limit and circuit breaker per account), metrics, the vendor truststore,
 * where to report failures outside its routes, tracing.
 */
public record AccountContext(AccountSettings settings, SessionTracker tracker, Clock clock, ProducerTemplate template,
                             PipelineMetrics metrics, String vendorTls, SourceFailures failures,
                             Tracing tracing) {

    /** Without operations: meters go to a registry nobody scrapes, vendor TLS is the JVM's default, no tracing. */
    public static AccountContext of(AccountSettings settings, SessionTracker tracker, Clock clock,
                                    ProducerTemplate template) {
        return new AccountContext(settings, tracker, clock, template,
                new PipelineMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), null,
                SourceFailures.NONE, Tracing.OFF);
    }

    /** A failure outside the account's routes (a feed's login): its readiness and metrics count a failed poll. */
    public void failed(String error) {
        failures.failed(account(), error);
    }

    public SourceAccount account() {
        return settings.account();
    }

    /**
     * HTTP to the account's vendor endpoint under the shared fault policy (retries, Retry-After, breaker, rate limit).
     */
    public VendorHttp http(String baseUrl) {
        VendorHttp plain = new CamelVendorHttp(account().system().id(), baseUrl,
                (int) settings.pipeline().duration("sessionflow.http.timeout").toMillis(),
                settings.pipeline().integer("sessionflow.http.max-body-bytes"), vendorTls, userAgent(), template);
        return new ResilientVendorHttp(plain, faultGuard());
    }

    /** How this instance names itself to vendors: they (and our simulators) can tell which instance asked. */
    public String userAgent() {
        return "Sessionflow (" + io.sessionflow.cluster.ClusterSettings.instanceOf(settings.pipeline()) + ")";
    }

    /** The custom vendor truststore for a source's own clients (not Camel endpoints); empty: the JVM's CAs. */
    public Optional<VendorTls.Trust> vendorTrust() {
        return VendorTls.trust(template.getCamelContext(), vendorTls);
    }

    /** The account's fault policy, for transports other than {@link #http}. */
    public FaultGuard faultGuard() {
        // wall-clock time, even when the pipeline runs on a test clock: waits and rate limits are real
        FaultGuard guard = new FaultGuard(account().system().id(), FaultPolicy.from(settings.pipeline()),
                Clock.systemUTC(), Sleeper.REAL, new java.util.Random(), metrics.vendorCalls(account()),
                new VendorSpans(tracing.tracer(), account()));
        metrics.breaker(account(), guard.breaker());
        return guard;
    }
}
