package io.sessionflow.kamelet;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.KnownSession;
import io.sessionflow.track.SessionKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kamelet's tracker memory in a file of its own: read at start, replaced whole after a poll that changed it (written
 * beside it, forced to disk, then renamed over it), so a crash leaves the previous memory or the new one, never half.
 */
final class StateFile {
    private final Path path;

    StateFile(Path path) {
        this.path = path;
    }

    /** What the file holds: one account's sessions, its last poll and the bad records already reported. */
    record Saved(String system, String account, Instant lastPoll, List<KnownSession> sessions,
                 List<String> deadLetters) {
    }

    /** @throws IllegalArgumentException when the file cannot be read or holds another account's memory */
    InMemoryKnownSessions read(SourceAccount account) {
        InMemoryKnownSessions known = new InMemoryKnownSessions();
        if (!Files.exists(path)) {
            return known;
        }
        Saved saved;
        try {
            saved = EventJson.mapper().readValue(path.toFile(), Saved.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("state file " + path + " is not readable: " + e.getMessage(), e);
        }
        SourceAccount owner = new SourceAccount(io.sessionflow.event.SystemId.of(saved.system()), saved.account());
        if (!owner.equals(account)) {
            throw new IllegalArgumentException("state file " + path + " holds the memory of " + owner + ", not of "
                    + account);
        }
        Map<String, KnownSession> sessions = new LinkedHashMap<>();
        saved.sessions().forEach(s -> sessions.put(SessionKeys.of(s.data()), s));
        known.apply(sessions);
        if (saved.lastPoll() != null) {
            known.advance(account.system(), saved.lastPoll());
        }
        // saved without their time: counted from now, so they are forgotten no earlier than they would have been
        known.deadLettered(saved.deadLetters(), java.time.Instant.now());
        return known;
    }

    void write(SourceAccount account, InMemoryKnownSessions known) {
        Saved saved = new Saved(account.system().id(), account.account(), known.lastPoll(account.system()).orElse(null),
                known.of(account.system()).toList(), List.copyOf(known.deadLetters()));
        Path next = path.resolveSibling(path.getFileName() + ".next");
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(EventJson.toBytes(saved));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("state file " + path + " could not be written", e);
        }
        try {
            Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("state file " + path + " could not be replaced", e);
        }
    }
}
