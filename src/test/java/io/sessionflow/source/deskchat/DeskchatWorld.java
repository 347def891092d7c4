package io.sessionflow.source.deskchat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The state behind the simulated Deskchat: chats, oldest first. Thread-safe. */
final class DeskchatWorld {

    /** A chat as Deskchat stores it. */
    static final class Chat {
        final String id;
        final String topic;
        final String customer;
        final Instant openedAt;
        String state = "waiting";
        String agent;
        Instant answeredAt;
        Instant closedAt;

        Chat(String id, String topic, String customer, Instant openedAt) {
            this.id = id;
            this.topic = topic;
            this.customer = customer;
            this.openedAt = openedAt;
        }
    }

    private final List<Chat> chats = new ArrayList<>();
    private final long idBase;

    /** @param idBase where chat ids start, so worlds of different runs do not share ids */
    DeskchatWorld(long idBase) {
        this.idBase = idBase;
    }

    synchronized Chat open(String topic, String customer, Instant at) {
        Chat c = new Chat("c-" + (idBase + chats.size() + 1), topic, customer, at);
        chats.add(c);
        return c;
    }

    synchronized void answer(String id, String agent, Instant at) {
        Chat c = chat(id);
        c.state = "active";
        c.agent = agent;
        c.answeredAt = at;
    }

    synchronized void close(String id, Instant at) {
        Chat c = chat(id);
        c.state = "closed";
        c.closedAt = at;
    }

    synchronized List<Chat> chats() {
        return List.copyOf(chats);
    }

    private Chat chat(String id) {
        return chats.stream().filter(c -> c.id.equals(id)).findFirst().orElseThrow();
    }
}
