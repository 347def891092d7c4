package io.sessionflow.source;

import io.sessionflow.source.ispring.IspringSource;
import io.sessionflow.source.seeit.SeeitSource;
import io.sessionflow.source.storyclm.StoryclmSource;
import io.sessionflow.source.tradernet.TradernetSource;
import io.sessionflow.source.webinar.WebinarSource;
import java.util.List;

/** Every source module the jar knows. */
public final class Sources {
    private Sources() {
    }

    public static List<SourceModule> all() {
        return List.of(new WebinarSource(), new SeeitSource(), new StoryclmSource(), new IspringSource(),
                new TradernetSource());
    }
}
