package io.sessionflow.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this whole process (all threads: an embedded broker and simulators included), in nanoseconds. */
final class CpuTime {
    private CpuTime() {
    }

    static long process() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
