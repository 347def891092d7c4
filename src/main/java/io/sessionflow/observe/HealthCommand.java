package io.sessionflow.observe;

import io.sessionflow.cli.CommandSettings;
import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.LogsToConsole;
import io.sessionflow.config.Settings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sessionflow health [live|ready]}: asks the running instance's operations server and exits 0 when it is
 * healthy. For container health checks: the JRE image has no curl.
 */
@Command(name = "health", description = "Ask a running instance's /observe/health/<live|ready>; exit code 0 when"
        + " healthy, 1 when not healthy or nothing answers.")
public final class HealthCommand implements Callable<Integer>, LogsToConsole {
    enum Probe { live, ready }

    @Parameters(index = "0", arity = "0..1", paramLabel = "live|ready",
            description = "live: Kafka and Camel (default); ready: Kafka and every enabled source")
    Probe which = Probe.live;

    @Override
    public Integer call() {
        Settings settings = CommandSettings.load();
        int port = settings.integer("sessionflow.observe.port");
        if (port <= 0) {
            System.err.println("health: SESSIONFLOW_OBSERVE_PORT is 0, the operations server is off");
            return ExitCode.CHECK_FAILED;
        }
        String host = settings.string("sessionflow.observe.host");
        // a server listening on every interface answers on loopback too
        String target = host.equals("0.0.0.0") || host.isBlank() ? "127.0.0.1" : host;
        try {
            HttpResponse<String> answer = OperationsHttp.get(
                    URI.create("http://" + target + ":" + port + "/observe/health/" + which), Duration.ofSeconds(10));
            System.out.println(answer.body());
            return answer.statusCode() == 200 ? ExitCode.OK : ExitCode.CHECK_FAILED;
        } catch (java.net.ConnectException e) {
            System.err.println("health: nothing answers at " + target + ":" + port + " (is sessionflow running there?"
                    + " SESSIONFLOW_OBSERVE_HOST/PORT)");
            return ExitCode.CHECK_FAILED;
        } catch (java.io.IOException e) {
            System.err.println("health: no answer from " + target + ":" + port + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return ExitCode.CHECK_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.CHECK_FAILED;
        }
    }
}
