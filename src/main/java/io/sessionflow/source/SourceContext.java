package io.sessionflow.source;

import io.sessionflow.config.Settings;
import io.sessionflow.source.http.CamelVendorHttp;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;

/** What a source module gets to build its poller: settings, the shared tracker, a clock, HTTP. */
public record SourceContext(Settings settings, SessionTracker tracker, Clock clock, ProducerTemplate template) {

    public VendorHttp http(String system, String baseUrl) {
        return new CamelVendorHttp(system, baseUrl, (int) settings.duration("sessionflow.http.timeout").toMillis(),
                settings.integer("sessionflow.http.max-body-bytes"), template);
    }
}
