package io.sessionflow.rederive;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.http.FaultGuard;
import io.sessionflow.source.http.FaultPolicy;
import io.sessionflow.source.http.Sleeper;
import io.sessionflow.source.ispring.IspringAnswerReader;
import io.sessionflow.source.ispring.IspringCallException;
import io.sessionflow.source.ispring.IspringConfig;
import io.sessionflow.source.ispring.IspringFetcher;
import io.sessionflow.source.ispring.IspringSessions;
import io.sessionflow.source.ispring.IspringSource;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Re-derivation of iSpring (SOAP, not {@code VendorHttp}): the live poller, whose fetcher reads each training's
 * archived answer with {@link IspringAnswerReader} instead of calling the service. A training without an archived
 * answer failed live (failed calls are not archived): it fails here too, so its sessions are not taken for deleted.
 */
final class ArchivedIspring implements RederivableSource {
    private final Settings settings;

    ArchivedIspring(Settings settings) {
        this.settings = settings;
    }

    @Override
    public SystemId system() {
        return SystemId.ISPRING;
    }

    @Override
    public PollBatch replay(RawPoll poll, SessionTracker tracker) {
        IspringSessions archived = trainingId -> {
            byte[] answer = poll.bodies().get(IspringFetcher.endpointOf(trainingId));
            if (answer == null) {
                throw new IspringCallException(trainingId, "no answer in the archived poll of " + poll.fetchedAt(),
                        null);
            }
            return IspringAnswerReader.read(trainingId, answer);
        };
        // archived answers fail only finally, so the guard never waits or retries
        FaultGuard guard = new FaultGuard("ispring", FaultPolicy.from(settings), Clock.systemUTC(), Sleeper.REAL,
                new Random());
        return IspringSource.poller(IspringConfig.from(settings), archived, guard, tracker,
                Clock.fixed(poll.fetchedAt(), ZoneOffset.UTC)).poll();
    }
}
