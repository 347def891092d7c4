package io.sessionflow.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import io.sessionflow.source.ispring.IspringModule;
import io.sessionflow.source.seeit.SeeitModule;
import io.sessionflow.source.storyclm.StoryclmModule;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.testing.DatabindReference;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The event bytes are exactly what Jackson's databind wrote for the records' former annotations
 * ({@link DatabindReference}), for every field, omission, escaping and value type an event can hold: published
 * events must not change by a byte.
 */
class EnvelopeWriterTest {
    private static final Instant T = Instant.parse("2026-11-20T09:05:00Z");

    @Test
    void everyFieldFilledIsWrittenExactlyAsDatabindWroteIt() throws Exception {
        Map<String, Object> nested = new HashMap<>();
        nested.put("zeta", 1);
        nested.put("alpha", List.of("b", "a"));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("text", "Europe/Moscow");
        attributes.put("long", 1_795_165_380_000L);
        attributes.put("int", 7);
        attributes.put("flag", false);
        attributes.put("double", 0.1 + 0.2);
        attributes.put("decimal", new BigDecimal("12.500"));
        attributes.put("list", List.of("274", "275"));
        attributes.put("map", nested);
        attributes.put("nothing", null);
        SessionData data = new SessionData(
                WebinarModule.SYSTEM,
                null,
                "6345",
                WebinarModule.KIND,
                SessionStatus.STARTED,
                "Новый вебинар \"АПИ\"\n\t</script> \u0001 😀",
                T,
                T.plusSeconds(3600),
                T.plusNanos(1_000_000),
                T.plusNanos(123_456_000),
                5400L,
                new Person("274", "Юрий", "y@example.org", "yuri", "ADMIN"),
                new Person(null, "U", null, null, null),
                new Person("3080", null, "badger@example.org", null, "guest"),
                new Location(55.755786, -37.6176330000001, "Manezhnaya, 1", "RU", "Moscow"),
                new Parent("event", "5387"),
                true,
                true,
                new TreeMap<>(attributes));

        assertSameBytes(SessionEvent.of("912b2d85-0000-5000-8000-000000000000", "sessionflow/webinar/1",
                EventType.PARTICIPANT_JOINED, T.plusNanos(123_456_789), data));
    }

    @Test
    void absentFieldsAreOmittedOrNullExactlyAsDatabindDidIt() throws Exception {
        SessionData bare = SessionData.builder(SeeitModule.SYSTEM, SeeitModule.KIND, "s1").build();
        SessionData partial = new SessionData(
                IspringModule.SYSTEM,
                "acme",
                "i",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Person.email("e@example.org"),
                null,
                null,
                new Location(null, null, null, null, "Berlin"),
                new Parent(null, "t"),
                false,
                true,
                null);

        assertSameBytes(SessionEvent.of("id", "sessionflow/seeit", EventType.SESSION_SCHEDULED, T, bare));
        assertSameBytes(SessionEvent.of("id", "sessionflow/ispring", EventType.SESSION_UPDATED, T, partial));
        assertSameBytes(new SessionEvent(null, null, null, null, null, null, null, null, null));
        assertSameBytes(new SessionEvent("1.0", "id", "src", EventType.SESSION_ENDED, "x", null, null, null, bare));
    }

    @Test
    void timesOfEveryPrecisionAndEraAreWrittenAsDatabindWroteThem() throws Exception {
        List<Instant> times = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2024-02-29T12:00:00.000001Z"), Instant.parse("2000-03-01T00:00:00.100Z")));
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            times.add(Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 260_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000)));
        }
        for (Instant t : times) {
            SessionData data = SessionData.builder(StoryclmModule.SYSTEM, StoryclmModule.KIND, "a")
                    .startedAt(t)
                    .endedAt(t)
                    .build();
            assertSameBytes(SessionEvent.of("id", "sessionflow/storyclm", EventType.SESSION_ENDED, t, data));
        }
    }

    @Test
    void everyEventTypeStatusAndSystemIsWrittenByItsJsonValue() throws Exception {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("k", "v");
        for (EventType type : EventType.values()) {
            for (SystemId system : SourceModules.all().stream().map(SourceModule::system).toList()) {
                SessionData data = SessionData.builder(system, SessionKind.of("webinar"), "s")
                        .status(type.resultingStatus())
                        .attributes(attributes)
                        .build();
                assertSameBytes(SessionEvent.of("id", "sessionflow/" + system.id(), type, T, data));
            }
        }
    }

    private static void assertSameBytes(SessionEvent event) throws JsonProcessingException {
        byte[] expected = DatabindReference.bytes(event);
        assertThat(new String(EventJson.toBytes(event), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(EventJson.toBytes(event)).isEqualTo(expected);
        assertThat(EventJson.mapper().writeValueAsBytes(event)).as("the mapper writes events by the same code")
                .isEqualTo(expected);
    }
}
