package io.sessionflow.rederive;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.publish.HeaderNames;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TimeRange;
import io.sessionflow.replay.TopicRangeReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the raw topic from its beginning and regroups its records into polls, handing each poll on once it is
 * complete. Raw records are keyed by account, so one account's records sit in one partition in publish order, and
 * an account polls one poll at a time: a new fetched-at for an account means its previous poll is complete (as does an
 * endpoint that the open poll has already: Tradernet archives each feed message with its own receive time).
 */
final class RawArchive {
    private static final Logger LOG = LoggerFactory.getLogger(RawArchive.class);
    private static final TimeRange EVERYTHING = new TimeRange(Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE));
    private final TopicRangeReader reader;

    RawArchive(String bootstrap) {
        this.reader = new TopicRangeReader(bootstrap);
    }

    void polls(String rawTopic, Progress progress, Consumer<RawPoll> sink) {
        Map<SourceAccount, RawPoll> open = new HashMap<>();
        long[] unreadable = {0};
        reader.read(rawTopic, EVERYTHING, progress, record -> {
            String system = header(record, HeaderNames.SYSTEM);
            String fetchedAt = header(record, HeaderNames.FETCHED_AT);
            String endpoint = header(record, HeaderNames.ENDPOINT);
            if (system == null || fetchedAt == null || endpoint == null) {
                unreadable[0]++;
                return;
            }
            String accountId = header(record, HeaderNames.ACCOUNT);
            SourceAccount account = new SourceAccount(SystemId.of(system),
                    accountId == null ? SourceAccount.DEFAULT : accountId);
            RawPoll poll = open.get(account);
            Instant at = Instant.parse(fetchedAt);
            // one poll never asks one endpoint twice; a push feed's messages may share an instant, each its own
            if (poll == null || !poll.fetchedAt().equals(at) || poll.bodies().containsKey(endpoint)) {
                if (poll != null) {
                    sink.accept(poll);
                }
                poll = new RawPoll(account, at);
                open.put(account, poll);
            }
            poll.bodies().put(endpoint, record.value());
            String status = header(record, HeaderNames.STATUS);
            if (status != null) {
                poll.errors().put(endpoint, Integer.valueOf(status));
            }
        });
        open.values().stream().sorted(java.util.Comparator.comparing(RawPoll::fetchedAt)).forEach(sink);
        if (unreadable[0] > 0) {
            LOG.warn("skipped {} records of {} without system, endpoint and fetched-at headers", unreadable[0],
                    rawTopic);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
