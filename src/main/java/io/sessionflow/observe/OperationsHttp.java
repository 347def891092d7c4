package io.sessionflow.observe;

import io.sessionflow.source.http.WholeAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A GET against the operations server, in HTTP/1.1 as Prometheus and Kubernetes probes ask. The JDK client's default
 * offers an upgrade to cleartext HTTP/2, which the server accepts, and about 5 in 1,000 of those metrics answers
 * (20 KB) then stalled after their headers, in a loop of scrapes against the demo pipeline.
 */
public final class OperationsHttp {
    private OperationsHttp() {
    }

    public static HttpResponse<String> get(URI uri, Duration bound) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(bound).build();
        return WholeAnswer.within(bound, client, HttpRequest.newBuilder(uri).timeout(bound).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
