package org.jiraq.simulator.servicedesk;

import java.time.Instant;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * A comment on a customer request.
 *
 * @param visibleToCustomer true for a public reply, false for an internal note only agents see
 */
public record RequestComment(long id, String body, boolean visibleToCustomer, SimulatorUser author, Instant created) {
}
