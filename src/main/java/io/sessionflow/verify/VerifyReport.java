package io.sessionflow.verify;

import java.util.List;

/**
 * What {@code verify} found; {@link #ok()} when no event breaks the schema and nothing is duplicated, out of order
 * or missing.
 */
public record VerifyReport(long events, long distinctIds, List<String> duplicateIds, List<String> orderViolations,
                           Integer expected, List<ExpectedTransition> missing, List<ExpectedTransition> unexpected,
                           List<String> schemaViolations) {

    public VerifyReport(long events, long distinctIds, List<String> duplicateIds, List<String> orderViolations,
                        Integer expected, List<ExpectedTransition> missing, List<ExpectedTransition> unexpected) {
        this(events, distinctIds, duplicateIds, orderViolations, expected, missing, unexpected, List.of());
    }

    public VerifyReport withSchemaViolations(List<String> violations) {
        return new VerifyReport(events, distinctIds, duplicateIds, orderViolations, expected, missing, unexpected,
                List.copyOf(violations));
    }
    private static final int LISTED = 10;

    public boolean ok() {
        return schemaViolations.isEmpty() && duplicateIds.isEmpty() && orderViolations.isEmpty() && missing.isEmpty()
                && unexpected.isEmpty();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("events            %d%n", events));
        out.append(String.format("distinct ids      %d%n", distinctIds));
        out.append(String.format("schema violations %d%s%n", schemaViolations.size(), sample(schemaViolations)));
        out.append(String.format("duplicate ids     %d%s%n", duplicateIds.size(), sample(duplicateIds)));
        out.append(String.format("order violations  %d%s%n", orderViolations.size(), sample(orderViolations)));
        if (expected != null) {
            out.append(String.format("expected          %d%n", expected));
            out.append(String.format("missing           %d%n", missing.size()));
            listed(out, missing);
            out.append(String.format("unexpected        %d%n", unexpected.size()));
            listed(out, unexpected);
        }
        out.append(ok() ? "OK" : "FAILED").append(System.lineSeparator());
        return out.toString();
    }

    /** The first transitions, one per line, then how many more. */
    private static void listed(StringBuilder out, List<ExpectedTransition> items) {
        items.stream()
                .limit(LISTED)
                .forEach(t -> out.append("                  ").append(t.text()).append(System.lineSeparator()));
        if (items.size() > LISTED) {
            out.append(String.format("                  ... and %d more%n", items.size() - LISTED));
        }
    }

    private static String sample(List<?> items) {
        return items.isEmpty() ? "" : "  e.g. " + items.subList(0, Math.min(3, items.size()));
    }
}
