package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.rederive.RawPoll;
import io.sessionflow.rederive.RederivableSource;
import io.sessionflow.source.Json;
import io.sessionflow.source.PollBatch;
import io.sessionflow.track.SessionTracker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tradernet's re-derivation: each archived message (a feed list, a snapshot, marked when taken after a reconnect, an
 * expiry check that changed something) is read again as the live stream read it, at its receive time, in archive
 * order, through the same {@link TradernetBatches}; one per account, since the last list carries over.
 */
final class ArchivedFeed implements RederivableSource {
    private final SourceAccount account;
    private final TradernetMapper mapper;
    private TradernetBatches batches;
    private SessionTracker tracker;

    ArchivedFeed(SourceAccount account, TradernetMapper mapper) {
        this.account = account;
        this.mapper = mapper;
    }

    @Override
    public PollBatch replay(RawPoll poll, SessionTracker tracker) {
        if (batches == null || this.tracker != tracker) {
            this.tracker = tracker;
            batches = new TradernetBatches(account, mapper, tracker, Clock.systemUTC());
        }
        List<TradernetMessage> messages = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : poll.bodies().entrySet()) {
            messages.add(message(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8), poll.fetchedAt()));
        }
        return batches.toBatch(messages);
    }

    private static TradernetMessage message(String endpoint, String raw, Instant at) {
        if (endpoint.equals(TradernetBatches.EXPIRY_CHECK_ENDPOINT)) {
            return TradernetMessage.expiryCheck(at);
        }
        boolean recovered = endpoint.endsWith(TradernetBatches.RECOVERY_SUFFIX);
        String live = recovered ? endpoint.substring(0, endpoint.length() - TradernetBatches.RECOVERY_SUFFIX.length())
                : endpoint;
        if (live.equals(TradernetApi.SNAPSHOT_ENDPOINT)) {
            return new TradernetMessage(TradernetMessage.Kind.SNAPSHOT, live, raw, Json.parse(
                    raw.getBytes(StandardCharsets.UTF_8), "Tradernet archived snapshot"), null, at, 0, recovered);
        }
        FeedEvent event = live.startsWith("socket.io") ? socketIo(raw) : WebSocketTransport.read(raw);
        if (event instanceof FeedEvent.Sessions s) {
            return new TradernetMessage(TradernetMessage.Kind.FEED, live, raw, s.sessions(), null, at, 0, false);
        }
        String reason = event instanceof FeedEvent.Unreadable u ? u.reason() : "feed error";
        return new TradernetMessage(TradernetMessage.Kind.FEED, live, raw, null, reason, at, 0, false);
    }

    /** The archived {@code [err, data]} of a socket.io message, read as the transport reads its two arguments. */
    private static FeedEvent socketIo(String raw) {
        try {
            JsonNode args = Json.mapper().readTree(raw);
            if (args != null && args.isArray() && args.size() == 2) {
                return SocketIoTransport.read(new Object[] {args.get(0).toString(), args.get(1).toString()});
            }
        } catch (java.io.IOException e) {
            // read below as the transport would have: not JSON
        }
        return new FeedEvent.Unreadable(raw, "socket.io sessions message is not JSON");
    }
}
