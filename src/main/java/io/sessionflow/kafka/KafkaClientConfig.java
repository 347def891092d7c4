package io.sessionflow.kafka;

import io.sessionflow.config.References;
import io.sessionflow.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;

/**
 * The Kafka client settings of one cluster: the properties of {@code SESSIONFLOW_KAFKA_CONFIG} (Kafka tools'
 * {@code --command-config} file) with their references resolved, the principal they authenticate as (when the
 * mechanism names one), and the largest record Sessionflow sends. Never logged, never part of a message.
 */
public record KafkaClientConfig(Map<String, String> properties, String principal, int maxRecordBytes) {
    private static final Pattern CLEAR_JAAS_SECRET = Pattern.compile("(password|clientSecret)\\s*=\\s*\"([^\"]*)\"");

    public KafkaClientConfig {
        properties = Map.copyOf(properties);
    }

    /** A SCRAM login: what a secured embedded broker creates its user from. */
    public record ScramLogin(String user, String password, String mechanism) {
        @Override
        public String toString() {
            return "ScramLogin[" + user + ", " + mechanism + "]";
        }
    }

    /** Keys and principal only: the values may hold secrets. */
    @Override
    public String toString() {
        return "KafkaClientConfig[" + new java.util.TreeSet<>(properties.keySet()) + ", principal=" + principal + "]";
    }

    /** Values that must never be shown: password-typed settings and the JAAS text's password or client secret. */
    public List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        properties.forEach((key, value) -> {
            if (key.equals(SaslConfigs.SASL_JAAS_CONFIG)) {
                Matcher m = CLEAR_JAAS_SECRET.matcher(value);
                while (m.find()) {
                    secrets.add(m.group(2));
                }
            } else if (isPassword(key)) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    /** The SCRAM user and password these settings log in with, when they use SASL/SCRAM. */
    public Optional<ScramLogin> scramLogin() {
        String mechanism = properties.getOrDefault(SaslConfigs.SASL_MECHANISM, "");
        if (principal == null || !mechanism.startsWith("SCRAM-")) {
            return Optional.empty();
        }
        Map<String, ?> options = jaasOptions(properties.get(SaslConfigs.SASL_JAAS_CONFIG));
        Object password = options.get("password");
        return password == null ? Optional.empty()
                : Optional.of(new ScramLogin(principal.substring("User:".length()), password.toString(), mechanism));
    }

    /** No client properties: a plaintext cluster such as the embedded broker. */
    public static KafkaClientConfig plaintext(int maxBodyBytes) {
        return new KafkaClientConfig(Map.of(), null, maxRecordBytes(maxBodyBytes));
    }

    /**
     * @throws IllegalArgumentException one line per problem of the file: unreadable, a secret in clear, a reference not
     * resolved
     */
    public static KafkaClientConfig of(Settings settings) {
        return of(settings, System.getenv());
    }

    static KafkaClientConfig of(Settings settings, Map<String, String> env) {
        int maxBody = settings.integer("sessionflow.http.max-body-bytes");
        String file = settings.string("sessionflow.kafka.config");
        if (file.isEmpty()) {
            return plaintext(maxBody);
        }
        Map<String, String> declared = read(Path.of(file));
        List<String> clear = clearSecrets(declared);
        if (!clear.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(),
                    clear.stream().map(key -> "SESSIONFLOW_KAFKA_CONFIG " + file + ": " + key
                            + " holds a secret in clear; write it as ${env:NAME} or ${file:/path}").toList()));
        }
        Map<String, String> resolved = References.resolve(declared, env, "SESSIONFLOW_KAFKA_CONFIG " + file);
        return new KafkaClientConfig(resolved, principalOf(resolved), maxRecordBytes(maxBody));
    }

    /**
     * A raw body is at most the body bound; a dead letter carries one body as JSON text, which escaping can make
     * up to twice as long; 1 MiB covers key, headers and the envelope around it.
     */
    public static int maxRecordBytes(int maxBodyBytes) {
        return (int) Math.min(Integer.MAX_VALUE - (2 << 20), 2L * maxBodyBytes + (1 << 20));
    }

    /**
     * What the topics accept (max.message.bytes): one such record in a batch of its own, with room for the batch's
     * framing.
     */
    public static int maxMessageBytes(int maxBodyBytes) {
        return maxRecordBytes(maxBodyBytes) + (1 << 20);
    }

    /**
     * "User:name" for PLAIN and SCRAM, whose user name is the principal; null when the broker decides it (TLS,
     * Kerberos, OAuth).
     */
    static String principalOf(Map<String, String> p) {
        String mechanism = p.getOrDefault(SaslConfigs.SASL_MECHANISM, SaslConfigs.DEFAULT_SASL_MECHANISM);
        String jaas = p.get(SaslConfigs.SASL_JAAS_CONFIG);
        if (jaas == null || !(mechanism.equals("PLAIN") || mechanism.startsWith("SCRAM-"))
                || !p.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "").startsWith("SASL_")) {
            return null;
        }
        Object user = jaasOptions(jaas).get("username");
        return user == null ? null : "User:" + user;
    }

    /** Parsed by Kafka's own JAAS reader, as its clients will. */
    private static Map<String, ?> jaasOptions(String jaas) {
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(jaas))).configurationEntries();
        return entries.isEmpty() ? Map.of() : entries.get(0).getOptions();
    }

    /** Keys Kafka itself types as passwords must be references; in a JAAS text, its password or client secret. */
    private static List<String> clearSecrets(Map<String, String> p) {
        List<String> clear = new ArrayList<>();
        p.forEach((key, value) -> {
            if (key.equals(SaslConfigs.SASL_JAAS_CONFIG)) {
                Matcher m = CLEAR_JAAS_SECRET.matcher(value);
                while (m.find()) {
                    if (!References.in(m.group(2))) {
                        clear.add(key + " (" + m.group(1) + ")");
                    }
                }
            } else if (isPassword(key) && !value.isBlank() && !References.in(value)) {
                clear.add(key);
            }
        });
        return clear;
    }

    private static boolean isPassword(String key) {
        return java.util.stream.Stream.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
                        AdminClientConfig.configDef())
                .map(def -> def.configKeys().get(key))
                .anyMatch(k -> k != null && k.type == ConfigDef.Type.PASSWORD);
    }

    private static Map<String, String> read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("SESSIONFLOW_KAFKA_CONFIG " + file + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
        Map<String, String> values = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> values.put(k, p.getProperty(k).strip()));
        return values;
    }
}
