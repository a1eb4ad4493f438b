package org.jiraq.simulator.servicedesk;

import org.jiraq.simulator.model.Project;

/** A Service Management service desk, run in a Jira project whose issues are its customer requests. */
public record ServiceDesk(String id, Project project) {
}
