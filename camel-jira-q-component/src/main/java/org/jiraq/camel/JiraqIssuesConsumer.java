package org.jiraq.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.jiraq.camel.operation.SearchOperation;
import org.jiraq.camel.polling.ChangeQuery;
import org.jiraq.camel.polling.IssueChange;
import org.jiraq.camel.spi.PollingPosition;
import org.jiraq.camel.spi.PollingPositionStore;

/**
 * jiraq:issues: one exchange per changed issue, oldest change first. Each poll asks again for the lookback window
 * behind the latest change delivered, because Jira's search index can show a change minutes after it was made; the
 * (issue, updated) pairs already delivered in that window are skipped, so a late change is delivered and none is
 * delivered twice. Both are stored after every exchange, so this holds across restarts with a persistent store.
 * A failed search throws, which turns the consumer's health check DOWN with Jira's status code.
 */
public class JiraqIssuesConsumer extends ScheduledPollConsumer {

    private final ChangeQuery query;
    private final Duration lookback;
    private PollingPositionStore store;
    private final String positionKey;
    private final String fields;
    private SearchOperation search;

    public JiraqIssuesConsumer(JiraqEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        JiraqConfiguration config = endpoint.getConfiguration();
        this.lookback = Duration.ofMillis(config.getLookback());
        this.query = new ChangeQuery(config.getJql(), lookback);
        this.positionKey = config.getPositionKey() != null
                ? config.getPositionKey() : config.getBaseUrl() + " " + (config.getJql() == null ? "" : config.getJql());
        this.fields = withRequiredFields(config.getFields());
    }

    @Override
    public JiraqEndpoint getEndpoint() {
        return (JiraqEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        JiraqConfiguration config = getEndpoint().getConfiguration();
        store = config.getPositionStore() != null
                ? config.getPositionStore()
                : getEndpoint().getComponent().getStoreService().pollingPositions();
        search = new SearchOperation(getEndpoint());
        super.doStart();
    }

    /** Replicas sharing the position store take turns: each change is delivered by one of them. */
    @Override
    protected int poll() throws Exception {
        return store.pollAlone(positionKey, this::pollOnce);
    }

    private int pollOnce() throws Exception {
        PollingPosition position = store.load(positionKey);
        Instant cutoff = query.cutoff(position);
        Set<PollingPosition.Change> deliveredNow = new HashSet<>();
        Instant latest = position.latest();
        Iterator<Map<String, Object>> issues = search.issues(query.jql(position), fields);
        while (issues.hasNext() && isRunAllowed()) {
            Map<String, Object> issue = issues.next();
            IssueChange change = IssueChange.of(issue);
            PollingPosition.Change pair = new PollingPosition.Change(change.id(), change.updated());
            // before the cutoff: delivered and forgotten already, or later than the lookback allows for
            if (cutoff != null && change.updated().isBefore(cutoff) || position.seen().contains(pair)
                    || deliveredNow.contains(pair)) {
                continue;
            }
            if (!deliver(issue, change)) {
                break; // undelivered stays unseen: the next poll offers it again, still in order
            }
            store.delivered(positionKey, change.id(), change.updated());
            deliveredNow.add(pair);
            latest = latest == null || change.updated().isAfter(latest) ? change.updated() : latest;
        }
        if (latest != null) {
            store.forgetBefore(positionKey, latest.minus(lookback));
        }
        return deliveredNow.size();
    }

    private boolean deliver(Map<String, Object> issue, IssueChange change) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(issue);
            message.setHeader(JiraqConstants.ISSUE_ID, change.id());
            message.setHeader(JiraqConstants.ISSUE_KEY, change.key());
            message.setHeader(JiraqConstants.PROJECT_KEY, change.projectKey());
            message.setHeader(JiraqConstants.ISSUE_UPDATED, change.updated());
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Delivering the change of " + change.key() + " failed", exchange,
                        exchange.getException());
                return false;
            }
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** A poll reads each issue's updated and project, whatever fields the route asked for. */
    private static String withRequiredFields(String fields) {
        if (fields.contains("*all") || fields.contains("*navigable")) {
            return fields;
        }
        StringBuilder all = new StringBuilder(fields);
        for (String required : new String[] { "updated", "project" }) {
            if (!(("," + fields.replace(" ", "") + ",").contains("," + required + ","))) {
                all.append(',').append(required);
            }
        }
        return all.toString();
    }
}
