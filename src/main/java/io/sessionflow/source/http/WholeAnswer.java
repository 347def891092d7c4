package io.sessionflow.source.http;

import java.io.IOException;
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
 * A JDK {@link HttpClient} exchange bounded as a whole. A request's own timeout ends when the headers arrive, so a
 * server that sends its headers and then stalls in the body would hold the caller for good.
 */
public final class WholeAnswer {
    private WholeAnswer() {
    }

    /** As {@link HttpClient#send}, failing with {@link HttpTimeoutException} when the answer is not whole in time. */
    public static <T> HttpResponse<T> within(Duration bound, HttpClient client, HttpRequest request,
                                             HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
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
