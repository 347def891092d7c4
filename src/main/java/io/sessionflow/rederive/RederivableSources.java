package io.sessionflow.rederive;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.seeit.SeeitConfig;
import io.sessionflow.source.seeit.SeeitSource;
import io.sessionflow.source.storyclm.StoryclmConfig;
import io.sessionflow.source.storyclm.StoryclmFetcher;
import io.sessionflow.source.storyclm.StoryclmSource;
import io.sessionflow.source.webinar.WebinarConfig;
import io.sessionflow.source.webinar.WebinarSource;
import java.util.List;

/**
 * The systems that can be re-derived, each wired like its live source from the same settings (the settings are
 * part of the archived requests). A source's settings are read when its first poll is replayed, so settings of
 * systems absent from the archive do not matter.
 */
final class RederivableSources {
    private RederivableSources() {
    }

    static List<RederivableSource> from(Settings settings) {
        return List.of(
                new ArchivedPolling(SystemId.WEBINAR, (http, tracker, clock) ->
                        WebinarSource.poller(WebinarConfig.from(settings), http, tracker, clock)),
                new ArchivedPolling(SystemId.SEEIT, (http, tracker, clock) ->
                        SeeitSource.poller(SeeitConfig.from(settings), http, tracker, clock)),
                new ArchivedPolling(SystemId.STORYCLM, StoryclmFetcher::endpointOf, (http, tracker, clock) ->
                        StoryclmSource.poller(StoryclmConfig.from(settings), http, tracker, clock)),
                new ArchivedIspring(settings));
    }
}
