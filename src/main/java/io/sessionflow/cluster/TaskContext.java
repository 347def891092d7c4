package io.sessionflow.cluster;

import io.sessionflow.observe.PipelineMetrics;
import io.sessionflow.observe.PollOutcomes;
import io.sessionflow.source.SourceFailures;
import io.sessionflow.trace.Tracing;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * What every account task on this instance shares: Camel, the clock, metrics, outcomes, vendor TLS, where sources
 * report failures outside their routes, tracing.
 */
public record TaskContext(CamelContext camel, ProducerTemplate template, Clock clock, PipelineMetrics metrics,
                          PollOutcomes outcomes, RouteOwners owners, String vendorTls, SourceFailures failures,
                          Tracing tracing) {
}
