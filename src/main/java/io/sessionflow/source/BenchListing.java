package io.sessionflow.source;

import io.sessionflow.demo.SimulatedHttpServer;
import java.util.List;
import java.util.Map;

/**
 * A module's simulated vendor on loopback listing sessions that are scheduled, none live, so a poll costs its list
 * pages only: for the bench's stages that poll accounts through the whole app or beside a peer route (9 peer, 11
 * accounts in parallel, 12 idle accounts, 13 takeover). A rename changes the next sessions of the list.
 */
public interface BenchListing extends AutoCloseable {

    /** Starts a simulator listing {@code sessions} sessions. */
    @FunctionalInterface
    interface Start {
        BenchListing start(int sessions);
    }

    /** Account settings, keyed without the module's prefix, that point an account at the simulator. */
    Map<String, String> settings();

    /** Renames the next {@code count} sessions, wrapping around: the next poll finds each of them changed. */
    void rename(int count);

    /** Requests answered so far, each with its time and User-Agent (which names the polling instance). */
    List<SimulatedHttpServer.Seen> requests();

    int requestCount();

    @Override
    void close();
}
