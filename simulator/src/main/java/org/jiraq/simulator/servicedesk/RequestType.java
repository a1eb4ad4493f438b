package org.jiraq.simulator.servicedesk;

import org.jiraq.simulator.model.IssueType;

/** What a customer can ask a service desk for; each request of this type is an issue of {@code issueType}. */
public record RequestType(String id, String serviceDeskId, String name, String description, IssueType issueType) {
}
