package org.jiraq.simulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A comment on an issue.
 *
 * @param body an ADF document on Cloud, a text node (wiki markup) on Data Center
 */
public record Comment(long id, SimulatorUser author, JsonNode body, Instant created, Instant updated) {

    /** The body as plain text, whichever form it is stored in. */
    public String bodyText() {
        return Adf.plainText(body);
    }
}
