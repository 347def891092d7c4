package io.sessionflow.source.deskchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.FetchRound;
import io.sessionflow.source.Json;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.KnownSessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One Deskchat poll: every page of {@code GET /chats}. The list is a window of a day: no scope is complete. */
final class DeskchatFetcher implements SnapshotFetcher<DeskchatPayload> {
    private static final int MAX_PAGES = 1_000;
    private final DeskchatConfig config;
    private final VendorHttp http;

    DeskchatFetcher(DeskchatConfig config, VendorHttp http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public FetchResult<DeskchatPayload> fetch(Instant now, KnownSessions known) {
        FetchRound round = new FetchRound(DeskchatModule.SYSTEM, http, now);
        List<SourceRecord<DeskchatPayload>> records = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpCall call = HttpCall.get("chats").param("page", page).param("per_page", config.pageSize())
                    .header("X-Api-Key", config.apiKey());
            JsonNode answer = round.send(call).json("Deskchat " + call.describe());
            records.addAll(records(call.describe(), answer));
            if (!answer.path("has_more").asBoolean(false)) {
                break;
            }
        }
        return round.result(records, Set.of());
    }

    /** Each chat of a page keeps its own text, so one bad chat is dead-lettered alone. */
    static List<SourceRecord<DeskchatPayload>> records(String endpoint, JsonNode page) {
        return Json.elements(page.get("chats")).stream()
                .map(chat -> SourceRecord.ofText(null, endpoint, new DeskchatPayload(chat), chat.toString()))
                .toList();
    }
}
