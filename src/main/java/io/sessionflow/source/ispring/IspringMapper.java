package io.sessionflow.source.ispring;

import io.sessionflow.event.EventType;
import io.sessionflow.event.Parent;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.source.ispring.soap.TrainingSession;
import io.sessionflow.track.Milestone;
import io.sessionflow.track.SessionSnapshot;
import jakarta.xml.bind.JAXBElement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * iSpring Learn trainingSession to canonical session. The API only lists the plan (start and duration), so
 * a listed session is scheduled, and started / ended are inferred from the clock passing the planned start
 * and end. Absence from its training's list means deleted (see {@link IspringModule}).
 */
public final class IspringMapper implements SessionMapper<IspringPayload> {
    static final String INSTRUCTOR_ROLE = "instructor";

    @Override
    public SessionSnapshot map(SourceRecord<IspringPayload> record, Instant now) {
        TrainingSession s = record.payload().session();
        String id = blankToNull(s.getId());
        if (id == null) {
            throw new UnmappableRecordException("iSpring trainingSession has no id");
        }
        OffsetDateTime start = startTime(id, s.getStartTime());
        long duration = durationSeconds(id, s.getDuration());
        Instant startsAt = start.toInstant();
        Instant endsAt = startsAt.plusSeconds(duration);
        boolean started = !now.isBefore(startsAt);
        boolean ended = !now.isBefore(endsAt);
        String instructor = instructor(s);
        SessionData data = SessionData.builder(IspringModule.SYSTEM, IspringModule.KIND, id)
                .title(blankToNull(s.getTitle()))
                .scheduledStart(startsAt)
                .scheduledEnd(endsAt)
                .startedAt(started ? startsAt : null)
                .endedAt(ended ? endsAt : null)
                .durationSeconds(ended ? duration : null)
                .owner(instructor == null ? null : new Person(null, instructor, null, null, INSTRUCTOR_ROLE))
                .parent(new Parent("training", record.payload().trainingId()))
                .attribute("plannedDurationSeconds", duration)
                // the instant is published in UTC; the vendor's offset says where the session is held
                .attribute("startTimeOffset", start.getOffset().getId())
                .attribute("dayIds", dayIds(s))
                .build();
        List<Milestone> milestones = new ArrayList<>();
        milestones.add(Milestone.reported(EventType.SESSION_SCHEDULED, null));
        if (started) {
            milestones.add(Milestone.inferred(EventType.SESSION_STARTED, startsAt));
        }
        if (ended) {
            milestones.add(Milestone.inferred(EventType.SESSION_ENDED, endsAt));
        }
        return new SessionSnapshot(record.scope(), null, data, milestones, List.of(), null);
    }

    private static OffsetDateTime startTime(String id, String text) {
        if (blankToNull(text) == null) {
            throw new UnmappableRecordException("iSpring trainingSession " + id + " has no startTime");
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UnmappableRecordException("iSpring trainingSession " + id + " startTime '" + text.strip()
                    + "' is not a date-time with offset");
        }
    }

    private static long durationSeconds(String id, String text) {
        try {
            long seconds = Long.parseLong(text == null ? "" : text.strip());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new UnmappableRecordException("iSpring trainingSession " + id + " duration '" + text
                    + "' is not a whole number of seconds");
        }
    }

    /** Absent, {@code xsi:nil} and empty all mean no instructor. */
    private static String instructor(TrainingSession s) {
        JAXBElement<String> element = s.getInstructor();
        return element == null || element.isNil() ? null : blankToNull(element.getValue());
    }

    private static List<String> dayIds(TrainingSession s) {
        if (s.getDayIds() == null) {
            return null;
        }
        List<String> ids = s.getDayIds().getId().stream().map(IspringMapper::blankToNull)
                .filter(java.util.Objects::nonNull).toList();
        return ids.isEmpty() ? null : ids;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
