package io.sessionflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.AppInfoParser;

/** Where the figures came from: cores, memory, load, and the versions that shape them. */
final class MachineInfo {
    private MachineInfo() {
    }

    static String describe() {
        return "- cores: " + Runtime.getRuntime().availableProcessors()
                + ", memory: " + memory() + ", JVM max heap: " + Figures.megabytes(Runtime.getRuntime().maxMemory())
                + "\n- load average (1/5/15 min) at start: " + loadAverage()
                + "\n- " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch")
                + "\n- Java " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ")"
                + ", GC: " + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName()
                + "\n- Kafka " + AppInfoParser.getVersion() + " (embedded KRaft broker in the same JVM unless"
                + " --bootstrap or --child-broker), Camel " + camelVersion() + ", JMH " + jmhVersion();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(java.util.Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String memory() {
        try {
            Matcher m = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
            return m.find() ? Figures.megabytes(Long.parseLong(m.group(1)) * 1024) : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String camelVersion() {
        return pomVersion("META-INF/maven/org.apache.camel/camel-api/pom.properties");
    }

    private static String jmhVersion() {
        return pomVersion("META-INF/maven/org.openjdk.jmh/jmh-core/pom.properties");
    }

    private static String pomVersion(String resource) {
        try (InputStream in = MachineInfo.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
