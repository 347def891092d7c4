package io.sessionflow.report;

public final class ReportCommand {
    private ReportCommand() {
    }

    public static void main(String[] args) {
        throw new IllegalArgumentException("not yet");
    }
}
