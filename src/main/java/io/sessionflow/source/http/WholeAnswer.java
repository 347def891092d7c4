package io.sessionflow.source.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A vendor answer bounded as a whole, body included. A JDK {@link HttpClient} request's own timeout ends when the
 * headers arrive, and a socket's read timeout waits for the next bytes only: a server that stalls in the body, or
 * sends it a byte at a time, would hold the caller for good.
 */
public final class WholeAnswer {
    private WholeAnswer() {
    }

    /**
     * The body stream, failing with {@link HttpTimeoutException} on a read once {@code bound} has passed since
     * {@code startNanos}: a read already waiting ends by the socket's own read timeout.
     */
    public static InputStream body(InputStream in, long startNanos, Duration bound) {
        long deadline = startNanos + bound.toNanos();
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                due();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                due();
                return super.read(b, off, len);
            }

            private void due() throws HttpTimeoutException {
                if (System.nanoTime() - deadline > 0) {
                    throw new HttpTimeoutException("no whole answer within " + bound);
                }
            }
        };
    }

    /** As {@link HttpClient#send}, failing with {@link HttpTimeoutException} when the answer is not whole in time. */
    public static <T> HttpResponse<T> within(Duration bound, HttpClient client, HttpRequest request,
                                             HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> answer = client.sendAsync(request, body);
        try {
            return answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + bound);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }
}
