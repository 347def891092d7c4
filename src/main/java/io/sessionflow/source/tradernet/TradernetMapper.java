package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.source.Json;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.track.Milestone;
import io.sessionflow.track.SessionSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One Tradernet security session to a canonical session: open from {@code start_datetime}, ended when
 * {@code expire_datetime} has passed (or, in the tracker, when it leaves the list). The {@code expire}
 * countdown is left out on purpose: it changes with every message and would fake updates.
 */
public final class TradernetMapper implements SessionMapper<JsonNode> {
    /** Every session is in one complete list: the account's open sessions. */
    public static final String SCOPE = "open-security-sessions";
    private final IpMasker ips;

    public TradernetMapper(IpMasker ips) {
        this.ips = ips;
    }

    @Override
    public SessionSnapshot map(SourceRecord<JsonNode> record, Instant now) {
        return map(record, ZoneOffset.UTC, now);
    }

    /** @param vendorOffset the zone the vendor's list writes its zone-less times in ({@link TradernetTimes}) */
    public SessionSnapshot map(SourceRecord<JsonNode> record, ZoneOffset vendorOffset, Instant now) {
        JsonNode s = record.payload();
        String id = Json.requiredText(s, "id", "Tradernet security session");
        Instant start = TradernetTimes.time(s, "start_datetime", id, vendorOffset);
        Instant expire = TradernetTimes.time(s, "expire_datetime", id, vendorOffset);
        boolean expired = expire != null && !expire.isAfter(now);
        SessionData data = SessionData.builder(TradernetModule.SYSTEM, TradernetModule.KIND, id)
                .startedAt(start)
                .scheduledEnd(expire)
                .endedAt(expired ? expire : null)
                .durationSeconds(expired && start != null ? Duration.between(start, expire).toSeconds() : null)
                .owner(login(Json.text(s, "owner_login")))
                .user(login(Json.text(s, "user_login")))
                .attribute("safetyTypeId", Json.number(s, "safety_type_id"))
                .attribute("keyCurrent", Json.text(s, "key_current"))
                .attribute("ipHash", Json.text(s, "ip"))
                .attribute("ipClient", ips.mask(Json.text(s, "ip_client")))
                .build();
        List<Milestone> milestones = new ArrayList<>();
        milestones.add(Milestone.reported(EventType.SESSION_STARTED, start));
        if (expired) {
            // the vendor's own expiry passed, but it can still prolong the session: an end it may undo (reopened)
            milestones.add(Milestone.expired(EventType.SESSION_ENDED, expire));
        }
        return new SessionSnapshot(SCOPE, null, data, milestones, List.of(), null);
    }

    private static Person login(String login) {
        return login == null ? null : new Person(null, null, null, login, null);
    }
}
