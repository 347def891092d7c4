package io.sessionflow.kamelet;

import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import java.util.List;
import java.util.Locale;

/**
 * A polling source module as a Kamelet ({@code kamelets/<system>-session-source.kamelet.yaml}): its settings are the
 * Kamelet's properties, its poll setting the timer's period. Written from the module's declarations only, so the files
 * cannot drift from them ({@code KameletFilesTest} compares the committed files with this).
 */
public final class KameletFile {
    /** Kamelet properties of every session source, beside the module's settings. */
    static final String ACCOUNT = "account";
    static final String STATE_FILE = "stateFile";

    private KameletFile() {
    }

    /** The modules with a Kamelet: the polling ones. */
    public static List<SourceModule> modules() {
        return SourceModules.all().stream().filter(m -> m.pollSetting().isPresent()).toList();
    }

    public static String name(SystemId system) {
        return system.id() + "-session-source";
    }

    public static String fileName(SystemId system) {
        return name(system) + ".kamelet.yaml";
    }

    /**
     * A setting key as a Kamelet property, camel case as Kamelet properties are: {@code base-url} -> {@code baseUrl}.
     */
    public static String property(String key) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    public static String yaml(SourceModule module) {
        String poll = module.pollSetting().orElseThrow(() ->
                new IllegalArgumentException(module.system() + " is a push source: it has no Kamelet"));
        List<String> own = module.settings().stream().map(d -> property(d.key())).toList();
        if (own.contains(ACCOUNT) || own.contains(STATE_FILE)) {
            throw new IllegalStateException(module.system() + " declares a setting the Kamelet itself uses: " + own);
        }
        StringBuilder y = new StringBuilder();
        y.append("# Generated from ").append(module.getClass().getSimpleName())
                .append("'s settings by `sessionflow kamelets --out kamelets`; KameletFilesTest keeps it so.\n");
        y.append("apiVersion: camel.apache.org/v1\nkind: Kamelet\nmetadata:\n");
        y.append("  name: ").append(name(module.system())).append('\n');
        y.append("  annotations:\n    camel.apache.org/provider: \"Sessionflow\"\n");
        y.append("  labels:\n    camel.apache.org/kamelet.type: \"source\"\n");
        y.append("spec:\n  definition:\n");
        y.append("    title: ").append(q(module.title() + " sessions")).append('\n');
        y.append("    description: ").append(q(description(module))).append('\n');
        y.append("    required:\n      - ").append(property(module.enabledBy())).append('\n');
        y.append("    type: object\n    properties:\n");
        module.settings().forEach(def -> property(y, def));
        y.append("      ").append(ACCOUNT).append(":\n        title: \"Account\"\n        description: ")
                .append(q("The Sessionflow account these events belong to: 'default' keys them <system>:<sessionId>"
                        + " as Sessionflow's own default account does; any other is carried as data.account and in"
                        + " the key, <system>/<account>:<sessionId>.")).append('\n')
                .append("        type: string\n        default: ").append(q(SourceAccount.DEFAULT)).append('\n');
        y.append("      ").append(STATE_FILE).append(":\n        title: \"State file\"\n        description: ")
                .append(q("Where the tracker keeps what was emitted, so a restart emits only what changed meanwhile;"
                        + " empty: in memory, and a restart emits again what is open.")).append('\n')
                .append("        type: string\n");
        template(y, module, poll);
        return y.toString();
    }

    private static String description(SourceModule module) {
        return "Polls " + module.title() + " and emits each session transition as Sessionflow's canonical event: a"
                + " CloudEvents 1.0 JSON body (structured mode), header kafka.KEY <system>:<sessionId> (the key"
                + " camel-kafka writes), content-type application/cloudevents+json, sessionflow-system. At least once:"
                + " a poll is remembered only after the route completed every event of it.";
    }

    private static void property(StringBuilder y, SettingDef def) {
        y.append("      ").append(property(def.key())).append(":\n");
        y.append("        title: ").append(q(title(def.key()))).append('\n');
        y.append("        description: ").append(q(def.description())).append('\n');
        switch (def.type()) {
            case INT -> y.append("        type: integer\n");
            case BOOLEAN -> y.append("        type: boolean\n");
            case SECRET -> y.append("        type: string\n        format: password\n        x-descriptors:\n")
                    .append("          - urn:camel:group:credentials\n");
            case DURATION -> y.append("        type: string\n        pattern: ").append(q(KameletSource.DURATION))
                    .append('\n');
            default -> y.append("        type: string\n");
        }
        if (!def.defaultValue().isEmpty()) {
            boolean number = def.type() == SettingType.INT || def.type() == SettingType.BOOLEAN;
            y.append("        default: ").append(number ? def.defaultValue() : q(def.defaultValue())).append('\n');
        }
    }

    private static void template(StringBuilder y, SourceModule module, String poll) {
        y.append("  template:\n    beans:\n      - name: source\n");
        y.append("        type: \"#class:").append(SessionSourceKamelet.class.getName()).append("\"\n");
        y.append("        properties:\n");
        y.append("          system: ").append(q(module.system().id())).append('\n');
        y.append("          ").append(ACCOUNT).append(": \"{{").append(ACCOUNT).append("}}\"\n");
        y.append("          ").append(STATE_FILE).append(": \"{{?").append(STATE_FILE).append("}}\"\n");
        for (SettingDef def : module.settings()) {
            String p = property(def.key());
            boolean given = !def.defaultValue().isEmpty() || def.key().equals(module.enabledBy());
            y.append("          settings[").append(p).append("]: \"{{").append(given ? "" : "?").append(p)
                    .append("}}\"\n");
        }
        y.append("""
                    from:
                      uri: "timer:{{routeId}}"
                      parameters:
                        period: "{{%s}}"
                      steps:
                        - bean:
                            ref: "{{source}}"
                            method: poll
                        - split:
                            simple: "${body}"
                            stopOnException: true
                            steps:
                              - to: "kamelet:sink"
                        - bean:
                            ref: "{{source}}"
                            method: committed
                """.formatted(property(poll)));
    }

    private static String title(String key) {
        String words = key.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** A double-quoted YAML scalar: JSON's string syntax is YAML's. */
    private static String q(String text) {
        return EventJson.toJson(text);
    }
}
