package io.sessionflow.source.http;

import io.sessionflow.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResilientVendorHttpTest {
    private static final FaultPolicy POLICY = new FaultPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(60), 5, Duration.ofSeconds(30), 0);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<Instant> requestTimes = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Deque<Object> answers = new ArrayDeque<>();
    private final VendorHttp vendor = call -> {
        requestTimes.add(clock.instant());
        Object next = answers.isEmpty() ? ok() : answers.poll();
        if (next instanceof VendorCallException e) {
            throw e;
        }
        return (HttpReply) next;
    };
    private final Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };

    private ResilientVendorHttp http(FaultPolicy policy) {
        return new ResilientVendorHttp(vendor, new FaultGuard("test", policy, clock, sleeper, new Random(7)));
    }

    private static HttpReply ok() {
        return new HttpReply(200, Map.of(), "[]".getBytes());
    }

    private static VendorCallException status(int status, String retryAfter) {
        return new VendorCallException("HTTP " + status, status, retryAfter, null);
    }

    @Test
    void retriesServerErrorsWithGrowingJitteredBackoff() {
        answers.add(status(500, null));
        answers.add(status(503, null));
        answers.add(new VendorCallException("connection refused", 0, null, null));
        assertThat(http(POLICY).send(HttpCall.get("x")).status()).isEqualTo(200);
        assertThat(requestTimes).hasSize(4);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 4; i++) {
            answers.add(status(502, null));
        }
        assertThatThrownBy(() -> http(POLICY).send(HttpCall.get("x"))).isInstanceOf(VendorCallException.class);
        assertThat(requestTimes).hasSize(4);
    }

    @Test
    void clientErrorsAreNotRetried() {
        answers.add(status(401, null));
        assertThatThrownBy(() -> http(POLICY).send(HttpCall.get("x"))).hasMessage("HTTP 401");
        assertThat(requestTimes).hasSize(1);
    }

    @Test
    void retryAfterInSecondsIsHonouredBeforeTheNextRequest() {
        Instant t = clock.instant();
        answers.add(status(429, "7"));
        http(POLICY).send(HttpCall.get("x"));
        assertThat(requestTimes).containsExactly(t, t.plusSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsHonoured() {
        Instant t = clock.instant();
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(t.plusSeconds(12), ZoneOffset.UTC));
        answers.add(status(429, date));
        http(POLICY).send(HttpCall.get("x"));
        assertThat(requestTimes).containsExactly(t, t.plusSeconds(12));
    }

    @Test
    void aRetryAfterBeyondTheLimitFailsAndNoRequestIsSentBeforeIt() {
        ResilientVendorHttp http = http(POLICY);
        answers.add(status(429, "600"));
        assertThatThrownBy(() -> http.send(HttpCall.get("x"))).isInstanceOf(VendorCallException.class);
        clock.advance(Duration.ofSeconds(300));
        assertThatThrownBy(() -> http.send(HttpCall.get("y"))).hasMessageContaining("not to call before");
        assertThat(requestTimes).hasSize(1);
        clock.advance(Duration.ofSeconds(300));
        assertThat(http.send(HttpCall.get("z")).status()).isEqualTo(200);
        assertThat(requestTimes).hasSize(2);
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndTriesAgainLater() {
        FaultPolicy noRetries = new FaultPolicy(0, Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofSeconds(60), 3, Duration.ofSeconds(30), 0);
        ResilientVendorHttp http = http(noRetries);
        for (int i = 0; i < 3; i++) {
            answers.add(status(500, null));
            assertThatThrownBy(() -> http.send(HttpCall.get("x"))).hasMessage("HTTP 500");
        }
        assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> http.send(HttpCall.get("x"))).hasMessageContaining("circuit breaker is open");
        assertThat(requestTimes).hasSize(3);
        clock.advance(Duration.ofSeconds(31));
        assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(http.send(HttpCall.get("x")).status()).isEqualTo(200);
        assertThat(http.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void requestsArePacedToTheRateLimit() {
        FaultPolicy twoPerSecond = new FaultPolicy(0, Duration.ofMillis(500), Duration.ofSeconds(8),
                Duration.ofSeconds(60), 3, Duration.ofSeconds(30), 2);
        ResilientVendorHttp http = http(twoPerSecond);
        for (int i = 0; i < 4; i++) {
            http.send(HttpCall.get("x"));
        }
        Instant t = requestTimes.get(0);
        assertThat(requestTimes).containsExactly(t, t.plusMillis(500), t.plusMillis(1000), t.plusMillis(1500));
    }
}
