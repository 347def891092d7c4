package io.sessionflow.source.http;

/**
 * Vendor text made safe for one log line: control characters (CR/LF too) escaped, length bounded, and the
 * configured secrets blanked (a vendor may echo a token back in its error message).
 */
public final class LogSafe {
    private static final int MAX = 200;
    /** Shorter values would blank ordinary words; no real token is this short. */
    private static final int SHORTEST_SECRET = 6;
    private static final java.util.Set<String> SECRETS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private LogSafe() {
    }

    /** Secrets to blank from every text passed through here, for the life of the JVM. */
    public static void redact(java.util.Collection<String> secrets) {
        secrets.stream().filter(v -> v.length() >= SHORTEST_SECRET).forEach(SECRETS::add);
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        for (String secret : SECRETS) {
            s = s.replace(secret, "[secret]");
        }
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
