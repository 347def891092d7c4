package io.sessionflow.source.seeit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.Json;
import io.sessionflow.source.UnmappableRecordException;
import java.util.List;

/**
 * One PagedSessionDetails: its sessions and whether another page follows. The vendor's {@code next} link
 * is only read as a signal; the next request is built from the page number, so a URL from a response never
 * becomes a request.
 */
public record SeeitPage(List<JsonNode> content, int number, int totalPages, boolean nextLink) {

    public static SeeitPage of(JsonNode page) {
        JsonNode content = page.get("content");
        JsonNode info = page.get("page");
        if (content == null || !content.isArray() || info == null || !info.isObject()) {
            throw new UnmappableRecordException("Seeit sessions page has no 'content' array or 'page' object");
        }
        boolean next = Json.elements(page.get("links")).stream().anyMatch(l -> "next".equals(Json.text(l, "rel")));
        Long number = Json.number(info, "number");
        Long total = Json.number(info, "totalPages");
        return new SeeitPage(Json.elements(content), number == null ? 0 : number.intValue(),
                total == null ? 0 : total.intValue(), next);
    }

    /** Either signal is enough: a page that says more pages exist, or a {@code rel=next} link. */
    public boolean hasNext() {
        return !content.isEmpty() && (nextLink || number + 1 < totalPages);
    }
}
