package io.sessionflow.source.seeit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;

/**
 * A finished Seeit session as GET /sessions lists it; {@code revision} changes its notes (an update).
 */
final class SeeitBenchRecords implements BenchRecords<SeeitPayload> {

    @Override
    public SessionMapper<SeeitPayload> mapper() {
        return new SeeitMapper();
    }

    @Override
    public SourceRecord<SeeitPayload> record(int n, int revision) {
        String uuid = new UUID(0x4c5d6e7f90814cabL, 0xbf905b6c00000000L + n).toString();
        ObjectNode s = JsonNodeFactory.instance.objectNode()
                .put("uuid", uuid).put("supportKey", "246-813-" + n).put("sessionStatus", "FINISHED")
                .put("sessionCreateTime", 1795165380000L).put("sessionStartTime", 1795165440000L)
                .put("sessionJoinTime", 1795165530000L).put("sessionEndTime", 1795166400000L)
                .put("technicianEmail", "tech" + (n % 50) + "@example.org")
                .put("sessionNotes", "Paired the thermostat, rev " + revision).put("sessionRecorded", true)
                .put("sessionDataStatus", "PROCESSING").put("sessionDataPhotoCount", 2)
                .put("sessionDataPhotoNotesCount", 1).put("sessionDataSize", 0);
        return new SourceRecord<>(null, "GET /sessions", new SeeitPayload(s), null);
    }
}
