package io.sessionflow.source.ispring;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a simulated iSpring Learn account: trainings and their sessions, plus what the simulator
 * should answer instead for a training (a SOAP Fault, or a hostile DOCTYPE).
 */
public final class IspringWorld {
    private final Map<String, Map<String, Session>> trainings = new LinkedHashMap<>();
    private final Map<String, String> faults = new LinkedHashMap<>();
    private final Map<String, Path> hostileEntities = new LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong ids;

    public IspringWorld() {
        this(0);
    }

    /** @param idBase added to every session number: the demo starts each run elsewhere, so its ids are new */
    public IspringWorld(long idBase) {
        this.ids = new java.util.concurrent.atomic.AtomicLong(idBase);
    }
    private String namespace = "http://ispringlearn.ru/go/services/api/soap";

    /** One trainingSession as the API lists it. */
    public record Session(String id, String trainingId, String title, OffsetDateTime startTime, long durationSeconds,
                          String instructor, List<String> dayIds) {
    }

    public synchronized void addTraining(String trainingId) {
        trainings.computeIfAbsent(trainingId, t -> new LinkedHashMap<>());
    }

    public synchronized Session schedule(String trainingId, String title, OffsetDateTime start, long durationSeconds,
                                         String instructor) {
        String id = String.format("5e551000-0000-4000-8000-%012d", ids.incrementAndGet());
        return put(new Session(
                id,
                trainingId,
                title,
                start,
                durationSeconds,
                instructor,
                List.of(id.replace("5e551000", "da100000"))));
    }

    public synchronized Session put(Session session) {
        addTraining(session.trainingId());
        trainings.get(session.trainingId()).put(session.id(), session);
        return session;
    }

    public synchronized Session reschedule(String sessionId, OffsetDateTime start) {
        Session s = find(sessionId);
        return put(
                new Session(s.id(), s.trainingId(), s.title(), start, s.durationSeconds(), s.instructor(), s.dayIds()));
    }

    public synchronized void delete(String sessionId) {
        trainings.values().forEach(sessions -> sessions.remove(sessionId));
    }

    /** From now on the training is answered with a SOAP Fault carrying this fault string. */
    public synchronized void fault(String trainingId, String faultString) {
        addTraining(trainingId);
        faults.put(trainingId, faultString);
    }

    /** From now on the training is answered with a DOCTYPE whose external entity points at this file. */
    public synchronized void answerWithExternalEntity(String trainingId, Path file) {
        addTraining(trainingId);
        hostileEntities.put(trainingId, file);
    }

    /** The namespace of answers: the WSDL's .ru by default, or the .com of the document's example. */
    public synchronized void answerInNamespace(String ns) {
        namespace = ns;
    }

    synchronized boolean knows(String trainingId) {
        return trainings.containsKey(trainingId);
    }

    synchronized String faultOf(String trainingId) {
        return faults.get(trainingId);
    }

    synchronized Path hostileEntityOf(String trainingId) {
        return hostileEntities.get(trainingId);
    }

    synchronized String namespace() {
        return namespace;
    }

    public synchronized List<Session> sessions(String trainingId) {
        return new ArrayList<>(trainings.getOrDefault(trainingId, Map.of()).values());
    }

    public synchronized List<String> trainingIds() {
        return new ArrayList<>(trainings.keySet());
    }

    private Session find(String sessionId) {
        return trainings.values().stream().map(m -> m.get(sessionId)).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
    }
}
