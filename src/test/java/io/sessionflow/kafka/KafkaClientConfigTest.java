package io.sessionflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionflow.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SESSIONFLOW_KAFKA_CONFIG: any client property, secrets only as references, resolved by Kafka's providers. */
class KafkaClientConfigTest {
    @TempDir
    Path dir;

    @Test
    void referencesToTheEnvironmentAndToFilesAreResolvedAndThePrincipalIsTheScramUser() throws Exception {
        Path secret = Files.writeString(dir.resolve("truststore-password"), "trust-me\n");
        KafkaClientConfig config = KafkaClientConfig.of(settings(file("""
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                  username="pipeline" password="${env:KAFKA_PASSWORD}";
                ssl.truststore.location=/etc/sessionflow/truststore.p12
                ssl.truststore.password=${file:%s}
                """.formatted(secret))), Map.of("KAFKA_PASSWORD", "s3cr3t"));

        assertThat(config.properties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.password", "trust-me")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"pipeline\" password=\"s3cr3t\";");
        assertThat(config.principal()).isEqualTo("User:pipeline");
        assertThat(config.secretValues()).as("blanked in logged text").containsExactlyInAnyOrder("s3cr3t", "trust-me");
        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("trust-me");
        assertThat(KafkaClientConfig.maxRecordBytes(16 << 20)).isEqualTo((32 << 20) + (1 << 20));
    }

    @Test
    void aSecretInClearIsRefusedNamingTheKeyNeverTheValue() throws Exception {
        Path file = file(
                """
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \
                username="u" password="hunter2";
                ssl.key.password=also-clear
                """);
        assertThatThrownBy(() -> KafkaClientConfig.of(settings(file), Map.of()))
                .hasMessage(String.join(System.lineSeparator(),
                        "SESSIONFLOW_KAFKA_CONFIG " + file + ": sasl.jaas.config (password) holds a secret in clear; "
                                + "write it as ${env:NAME} or ${file:/path}",
                        "SESSIONFLOW_KAFKA_CONFIG " + file + ": ssl.key.password holds a secret in clear; "
                                + "write it as ${env:NAME} or ${file:/path}"))
                .message().doesNotContain("hunter2").doesNotContain("also-clear");
    }

    @Test
    void aReferenceThatCannotBeResolvedIsOneLineNamingTheReference() throws Exception {
        Path file = file(
                """
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \
                username="u" password="${env:NOT_SET_HERE}";
                ssl.keystore.password=${file:/no/such/secret}
                ssl.key.password=${vault:secret/kafka}
                """);
        assertThatThrownBy(() -> KafkaClientConfig.of(settings(file), Map.of()))
                .hasMessage(String.join(
                        System.lineSeparator(),
                        "SESSIONFLOW_KAFKA_CONFIG " + file
                                + ": sasl.jaas.config refers to ${env:NOT_SET_HERE}, which is not set",
                        "SESSIONFLOW_KAFKA_CONFIG " + file
                                + ": ssl.key.password refers to ${vault:secret/kafka}, which is "
                                + "not a known reference (use ${env:NAME} or ${file:/path})",
                        "SESSIONFLOW_KAFKA_CONFIG " + file
                                + ": ssl.keystore.password refers to ${file:/no/such/secret}, "
                                + "which cannot be read"));
    }

    @Test
    void noFileMeansNoClientPropertiesAndEveryClientGetsTheRegisteredOnes() throws Exception {
        assertThat(KafkaClientConfig.of(settings(null), Map.of()).properties()).isEmpty();

        KafkaClients.use(
                "kafka.test:9093", KafkaClientConfig.of(settings(file("security.protocol=SASL_SSL\n")), Map.of()));
        assertThat(KafkaClients.base("kafka.test:9093")).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "kafka.test:9093");
        assertThat(KafkaClients.producer("kafka.test:9093")).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("max.request.size", String.valueOf((32 << 20) + (1 << 20)));
        assertThat(KafkaClients.base("elsewhere:9092")).containsOnlyKeys("bootstrap.servers");
    }

    private Path file(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "kafka", ".properties"), text);
    }

    private static Settings settings(Path file) {
        return Settings.from(Map.of(), new Properties(),
                file == null ? Map.of() : Map.of("sessionflow.kafka.config", file.toString()));
    }
}
