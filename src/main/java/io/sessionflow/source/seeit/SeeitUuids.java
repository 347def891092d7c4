package io.sessionflow.source.seeit;

/**
 * The shape of a Seeit session uuid, {@code 8-4-4-4-12} hex digits of either case, checked by hand rather than by a
 * regex matcher: it runs for every record mapped.
 */
final class SeeitUuids {
    private static final int LENGTH = 36;

    private SeeitUuids() {
    }

    static boolean isUuid(String s) {
        if (s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
