package io.sessionflow.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks a cluster whether it answers before a command starts anything against it, within a bounded wait. A Kafka
 * client left to find out by itself retries for its own timeouts and logs a warning per attempt; here the wait is
 * silent (plain TCP connects until a bootstrap address accepts one) and ends in one exception, then one
 * describe-cluster with the client settings given, so a cluster that listens but refuses these settings fails here too.
 */
public final class KafkaReachability {
    private static final long RETRY_MILLIS = 250;

    private KafkaReachability() {
    }

    /**
     * @param client the settings every client of this command uses (bootstrap servers, and security if any)
     * @throws KafkaUnreachableException when no bootstrap address accepts a connection, or the cluster does not
     *                                   answer, within {@code within}
     */
    public static void check(Properties client, Duration within) {
        String bootstrap = client.getProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        long deadline = System.nanoTime() + within.toNanos();
        List<String> addresses = Arrays.stream(bootstrap.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        while (addresses.stream().noneMatch(a -> accepts(a, deadline))) {
            if (System.nanoTime() >= deadline) {
                throw new KafkaUnreachableException(bootstrap, within, null);
            }
            sleep(Math.min(RETRY_MILLIS, (deadline - System.nanoTime()) / 1_000_000));
        }
        int left = (int) Math.max(1000, (deadline - System.nanoTime()) / 1_000_000);
        Properties p = new Properties();
        p.putAll(client);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, left);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, left);
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(left))
                    .clusterId()
                    .get(left, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnreachableException(bootstrap, within, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnreachableException(bootstrap, within, e);
        }
    }

    private static boolean accepts(String address, long deadline) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            int port = Integer.parseInt(address.substring(colon + 1));
            String host = address.substring(0, colon).replace("[", "").replace("]", "");
            int millis = (int) Math.max(1, Math.min(2000, (deadline - System.nanoTime()) / 1_000_000));
            socket.connect(new InetSocketAddress(host, port), millis);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
