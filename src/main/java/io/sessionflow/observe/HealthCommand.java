package io.sessionflow.observe;

import io.sessionflow.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code sessionflow health [live|ready]}: asks the running instance's operations server and exits 0 when it is
 * healthy. For container health checks: the JRE image has no curl.
 */
public final class HealthCommand {
    private HealthCommand() {
    }

    public static int run(String[] args, Settings settings) {
        String which = args.length == 0 ? "live" : args[0];
        if (!which.equals("live") && !which.equals("ready")) {
            throw new IllegalArgumentException("expected live or ready, not '" + which + "'");
        }
        int port = settings.integer("sessionflow.observe.port");
        if (port <= 0) {
            System.err.println("health: SESSIONFLOW_OBSERVE_PORT is 0, the operations server is off");
            return 1;
        }
        String host = settings.string("sessionflow.observe.host");
        // a server listening on every interface answers on loopback too
        String target = host.equals("0.0.0.0") || host.isBlank() ? "127.0.0.1" : host;
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create("http://" + target + ":" + port + "/observe/health/" + which))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println(answer.body());
            return answer.statusCode() == 200 ? 0 : 1;
        } catch (java.io.IOException e) {
            System.err.println("health: no answer from " + target + ":" + port + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
