package io.sessionflow.source.ispring;

import io.sessionflow.source.ispring.soap.TrainingSession;
import java.util.UUID;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;

/**
 * An iSpring training session as ListSessionsByTraining lists it; {@code revision} changes its title (an update).
 */
final class IspringBenchRecords implements BenchRecords<IspringPayload> {

    @Override
    public SessionMapper<IspringPayload> mapper() {
        return new IspringMapper();
    }

    @Override
    public SourceRecord<IspringPayload> record(int n, int revision) {
        TrainingSession s = new TrainingSession();
        s.setId(new UUID(0x4728d100c96a11edL, 0xa664b6c400000000L + n).toString());
        s.setTitle("Session " + n + " rev " + revision);
        s.setStartTime("2023-03-31T15:30:00-07:00");
        s.setDuration("7200");
        String training = "b431d5a0-2d14-11ed-b56c-0242c0a8" + String.format("%04d", n % 100);
        return new SourceRecord<>(training, "POST ListSessionsByTraining", new IspringPayload(training, s), null);
    }
}
