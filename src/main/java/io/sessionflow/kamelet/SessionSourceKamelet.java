package io.sessionflow.kamelet;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.publish.HeaderNames;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SourceModules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Service;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * The bean of every {@code <system>-session-source} Kamelet, configured by its properties: {@link #poll} turns a poll
 * into one message per event for {@code kamelet:sink}, and {@link #committed}, the route's step after all of them
 * completed, lets the tracker remember the poll. A failed event stops the split before that step, so the next poll
 * yields the poll's events again (same ids): at least once.
 */
public final class SessionSourceKamelet implements CamelContextAware, Service {
    /** The exchange property holding a poll until its events completed. */
    static final String POLL = "SessionflowPoll";
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String system;
    private String account = SourceAccount.DEFAULT;
    private String stateFile;
    private CamelContext camel;
    private KameletSource source;

    public void setSystem(String system) {
        this.system = system;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    /** The module's settings by Kamelet property name ({@code baseUrl}); filled by Camel from the template. */
    public Map<String, String> getSettings() {
        return settings;
    }

    @Override
    public void setCamelContext(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }

    /** Called as the Kamelet's route starts (Camel may call it more than once): a bad property stops the start. */
    @Override
    public synchronized void start() {
        if (source == null) {
            SystemId id = SystemId.of(system);
            source = KameletSource.open(SourceModules.of(id).orElseThrow(() ->
                            new IllegalArgumentException("no source module for system '" + system + "'")),
                    account, settings, stateFile == null || stateFile.isBlank() ? null : Path.of(stateFile.strip()),
                    camel);
        }
    }

    /** The memory outlives a route restart; the poller holds nothing of its own (its endpoints are the context's). */
    @Override
    public void stop() {
    }

    public List<Message> poll(Exchange exchange) {
        PollBatch batch = started().poll();
        exchange.setProperty(POLL, batch);
        return batch.events().stream().map(e -> message(exchange.getContext(), e)).toList();
    }

    public void committed(Exchange exchange) {
        PollBatch batch = exchange.getProperty(POLL, PollBatch.class);
        exchange.removeProperty(POLL);
        started().commit(batch);
    }

    /** As Sessionflow publishes it: the CloudEvents JSON, and the key and headers of its Kafka record. */
    private static Message message(CamelContext camel, SessionEvent event) {
        Message m = new DefaultMessage(camel);
        m.setBody(new String(EventJson.toBytes(event), StandardCharsets.UTF_8));
        m.setHeader(KafkaConstants.KEY, event.kafkaKey());
        m.setHeader(HeaderNames.CONTENT_TYPE, HeaderNames.CLOUDEVENTS_JSON);
        m.setHeader(HeaderNames.SYSTEM, event.data().system().id());
        if (event.data().account() != null) {
            m.setHeader(HeaderNames.ACCOUNT, event.data().account());
        }
        return m;
    }

    private synchronized KameletSource started() {
        if (source == null) {
            start();
        }
        return source;
    }
}
