package io.sessionflow.source.ispring;

import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.RawPayload;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.http.FaultGuard;
import io.sessionflow.source.http.LogSafe;
import io.sessionflow.source.http.VendorCallException;
import io.sessionflow.source.http.VendorFailure;
import io.sessionflow.source.ispring.soap.TrainingSession;
import io.sessionflow.track.KnownSessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One iSpring poll: ListSessionsByTraining for every configured training. A training whose call fails is
 * logged and skipped, and its scope is not complete, so none of its sessions is taken for deleted; the
 * other trainings are published as usual, and the poll counts as partial. When every training fails, nothing was
 * read: the poll fails.
 */
public final class IspringFetcher implements SnapshotFetcher<IspringPayload> {
    private static final Logger LOG = LoggerFactory.getLogger(IspringFetcher.class);
    private final IspringConfig config;
    private final IspringSessions client;
    private final FaultGuard guard;

    /** @param guard the shared fault policy: transport errors retried, SOAP Faults reported at once */
    public IspringFetcher(IspringConfig config, IspringSessions client, FaultGuard guard) {
        this.config = config;
        this.client = client;
        this.guard = guard;
    }

    @Override
    public FetchResult<IspringPayload> fetch(Instant now, KnownSessions known) {
        List<RawPayload> raw = new ArrayList<>();
        List<SourceRecord<IspringPayload>> records = new ArrayList<>();
        Set<String> completeScopes = new LinkedHashSet<>();
        List<String> failed = new ArrayList<>();
        RuntimeException firstFailure = null;
        for (String trainingId : config.trainingIds()) {
            IspringAnswer answer;
            try {
                answer = guard.call(IspringRequests.describe(trainingId), () -> client.listSessions(trainingId),
                        e -> e instanceof IspringCallException c && c.isTransient()
                                ? VendorFailure.TRANSIENT : VendorFailure.FINAL);
            } catch (IspringCallException | VendorCallException e) {
                LOG.warn("{}; nothing published for this training in this poll, the other trainings are",
                        LogSafe.of(e.getMessage()));
                failed.add(LogSafe.of(e.getMessage()));
                firstFailure = firstFailure == null ? e : firstFailure;
                continue;
            }
            raw.add(new RawPayload(IspringModule.SYSTEM, endpointOf(trainingId), now, "text/xml", answer.body()));
            records.addAll(records(trainingId, answer));
            completeScopes.add(trainingId);
        }
        if (!failed.isEmpty() && completeScopes.isEmpty()) {
            throw new VendorCallException("every iSpring training failed (" + failed.size() + "): " + failed.get(0),
                    0, null, firstFailure);
        }
        return new FetchResult<>(raw, records, completeScopes, List.of(), failed);
    }

    /** One training's answer as records: each session with its XML as understood, for the dead-letter topic. */
    static List<SourceRecord<IspringPayload>> records(String trainingId, IspringAnswer answer) {
        String endpoint = endpointOf(trainingId);
        List<SourceRecord<IspringPayload>> records = new ArrayList<>();
        for (TrainingSession session : answer.result().getTrainingSession()) {
            records.add(new SourceRecord<>(trainingId, endpoint, new IspringPayload(trainingId, session),
                    IspringXml.of(session)));
        }
        return records;
    }

    /** The raw topic's endpoint header of a training's answer; re-derivation finds the answer by it. */
    public static String endpointOf(String trainingId) {
        return IspringRequests.describe(trainingId);
    }
}
