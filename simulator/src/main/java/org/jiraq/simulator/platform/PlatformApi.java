package org.jiraq.simulator.platform;

import java.util.List;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;

/**
 * Jira's platform REST API ({@code /rest/api/2} or {@code /rest/api/3}): server info, issues with their comments,
 * transitions, attachments, properties and watchers, projects, search, bulk create, and on Cloud the v2 twin of v3.
 * The one entry to this package: its endpoints register through it, in this order.
 */
public final class PlatformApi implements SimulatorFeature {

    @Override
    public void register(SimulatorContext context) {
        List.of(new ServerEndpoints(), new IssueEndpoints(), new CommentEndpoints(), new TransitionEndpoints(),
                new ProjectEndpoints(), new SearchEndpoints(), new BulkCreateEndpoints(), new AttachmentEndpoints(),
                new IssuePropertyEndpoints(), new WatcherEndpoints(), new CloudRestV2())
                .forEach(endpoints -> endpoints.register(context));
    }
}
