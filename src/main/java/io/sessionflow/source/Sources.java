package io.sessionflow.source;

import io.sessionflow.source.ispring.IspringSource;
import io.sessionflow.source.seeit.SeeitSource;
import io.sessionflow.source.storyclm.StoryclmSource;
import io.sessionflow.source.tradernet.TradernetSource;
import io.sessionflow.source.webinar.WebinarSource;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.Forgetting;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every source module the jar knows. */
public final class Sources {
    private Sources() {
    }

    /**
     * When the tracker forgets closed sessions: {@code sessionflow.state.forget-after}, but for each source not
     * before its polls can no longer list them. A disabled source whose settings do not read is never polled.
     */
    public static Forgetting forgetting(Settings settings) {
        Duration after = settings.duration("sessionflow.state.forget-after");
        if (after.isZero()) {
            return Forgetting.NEVER;
        }
        Map<SystemId, Duration> listed = new HashMap<>();
        for (SourceModule module : all()) {
            try {
                listed.put(module.system(), module.listedAfterClose(settings));
            } catch (IllegalArgumentException e) {
                if (module.enabled(settings)) {
                    throw e;
                }
            }
        }
        return new Forgetting(after, listed);
    }

    public static List<SourceModule> all() {
        return List.of(new WebinarSource(), new SeeitSource(), new StoryclmSource(), new IspringSource(),
                new TradernetSource());
    }
}
