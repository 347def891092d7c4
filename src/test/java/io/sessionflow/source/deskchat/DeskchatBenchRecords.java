package io.sessionflow.source.deskchat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;

/** A closed chat as {@code GET /chats} lists it; {@code revision} changes its topic (an update). */
final class DeskchatBenchRecords implements BenchRecords<DeskchatPayload> {

    @Override
    public SessionMapper<DeskchatPayload> mapper() {
        return new DeskchatMapper();
    }

    @Override
    public SourceRecord<DeskchatPayload> record(int n, int revision) {
        ObjectNode chat = JsonNodeFactory.instance.objectNode().put("id", "c-" + n).put("state", "closed")
                .put("topic", "Printer jam, rev " + revision).put("opened_at", "2026-11-22T09:00:00Z")
                .put("answered_at", "2026-11-22T09:01:00Z").put("closed_at", "2026-11-22T09:20:00Z");
        chat.putObject("agent").put("email", "agent" + (n % 20) + "@example.org");
        chat.putObject("customer").put("name", "Customer " + n);
        return SourceRecord.ofText(null, "GET /chats", new DeskchatPayload(chat), chat.toString());
    }
}
