package io.sessionflow.source.ispring;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.rederive.RawPoll;
import io.sessionflow.rederive.RederivableSource;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.http.FaultGuard;
import io.sessionflow.source.http.FaultPolicy;
import io.sessionflow.source.http.Sleeper;
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
    private final AccountSettings settings;

    ArchivedIspring(AccountSettings settings) {
        this.settings = settings;
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
        FaultGuard guard = new FaultGuard(
                "ispring", FaultPolicy.from(settings.pipeline()), Clock.systemUTC(), Sleeper.REAL, new Random());
        return IspringModule.poller(settings.account(), IspringConfig.from(settings), archived, guard, tracker,
                Clock.fixed(poll.fetchedAt(), ZoneOffset.UTC)).poll();
    }
}
