package io.sessionflow.source.http;

/** Vendor text made safe for one log line: control characters (CR/LF too) escaped, length bounded. */
public final class LogSafe {
    private static final int MAX = 200;

    private LogSafe() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 8);
        for (int i = 0; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (s.length() > MAX) {
            out.append("...");
        }
        return out.toString();
    }
}
