package io.sessionflow.replay;

/** RFC 4180 quoting, shared by the replay and report CSV files. */
public final class Csv {
    private Csv() {
    }

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
