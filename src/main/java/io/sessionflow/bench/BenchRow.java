package io.sessionflow.bench;

/**
 * One line of the benchmark table.
 *
 * @param target what the issue asks for, empty when there is none
 * @param met    null when there is no target to judge against
 */
record BenchRow(String stage, String measure, String value, String target, Boolean met, String note) {

    static BenchRow of(String stage, String measure, String value, String note) {
        return new BenchRow(stage, measure, value, "", null, note);
    }

    BenchRow against(String targetText, boolean isMet) {
        return new BenchRow(stage, measure, value, targetText, isMet, note);
    }

    String verdict() {
        return met == null ? "" : met ? "met" : "MISSED";
    }
}
