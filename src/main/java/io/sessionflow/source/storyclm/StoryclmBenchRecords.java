package io.sessionflow.source.storyclm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;

/**
 * A finished StoryCLM session as getsessions lists it; {@code revision} changes its slide count (an update).
 */
final class StoryclmBenchRecords implements BenchRecords<StoryclmPayload> {

    @Override
    public SessionMapper<StoryclmPayload> mapper() {
        return new StoryclmMapper();
    }

    @Override
    public SourceRecord<StoryclmPayload> record(int n, int revision) {
        ObjectNode s = JsonNodeFactory.instance.objectNode()
                .put("id", String.format("8031BA5940864ECF9AB27D91%08X", n)).put("start", "2017-06-13T10:07:02")
                .put("latitude", "55.75578600").put("longtitude", "37.61763300").put("visit", 0)
                .put("userName", "user" + (n % 100) + "@mail.com")
                .put("address", "Manezhnaya ploshchad',Moscow,Moscow,Russia,109012").put("confirmed", 0)
                .put("offset", 3).put("slides", 1 + revision).put("end", "2017-06-13T10:07:06").put("checkIn", 0)
                .put("finished", 1).put("duration", 4).put("presentationId", 17);
        return new SourceRecord<>("user" + (n % 100), "POST getsessions", new StoryclmPayload(s), null);
    }
}
