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
            out.append(String.format("missing           %d%s%n", missing.size(), sample(missing)));
            out.append(String.format("unexpected        %d%s%n", unexpected.size(), sample(unexpected)));
        }
        out.append(ok() ? "OK" : "FAILED").append(System.lineSeparator());
        return out.toString();
    }

    private static String sample(List<?> items) {
        return items.isEmpty() ? "" : "  e.g. " + items.subList(0, Math.min(3, items.size()));
    }
}
