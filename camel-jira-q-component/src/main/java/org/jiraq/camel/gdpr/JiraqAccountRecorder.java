package org.jiraq.camel.gdpr;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.jiraq.camel.JiraqComponent;
import org.jiraq.camel.JiraqConstants;
import org.jiraq.camel.client.Json;
import org.jiraq.camel.spi.AccountRegistry;

/**
 * Records in the {@link AccountRegistry} the accounts whose personal data a message carries, stamped now: the ids in
 * header {@code CamelJiraqAccountId} (one id or a collection), else every {@code accountId} found anywhere in the body
 * (an issue, a search result, comments: maps, lists, JSON). The {@code unknown} account is never recorded. Use it
 * right where the route stores the data:
 *
 * <pre>
 * from("jiraq:searchIssues?jql=...").process(new JiraqAccountRecorder()).to("sql:...");
 * </pre>
 *
 * In YAML, {@code - bean: {type: org.jiraq.camel.gdpr.JiraqAccountRecorder}}. Without a registry given, it uses the
 * one of the {@code jiraq} component.
 */
public class JiraqAccountRecorder implements Processor, CamelContextAware {

    private static final String ACCOUNT_ID_FIELD = "accountId";

    private final Clock clock;
    private AccountRegistry registry;
    private CamelContext camelContext;

    /** Records into the registry of the CamelContext's {@code jiraq} component. */
    public JiraqAccountRecorder() {
        this(null, Clock.systemUTC());
    }

    public JiraqAccountRecorder(AccountRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    JiraqAccountRecorder(AccountRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Set<String> accountIds = accountIds(exchange.getMessage());
        AccountRegistry target = registry(exchange.getContext());
        Instant now = clock.instant();
        for (String accountId : accountIds) {
            target.record(accountId, now);
        }
    }

    private synchronized AccountRegistry registry(CamelContext context) {
        if (registry == null) {
            registry = (camelContext != null ? camelContext : context).getComponent("jiraq", JiraqComponent.class)
                    .getAccountRegistry();
        }
        return registry;
    }

    /** The header's ids when it is set, else every accountId in the body; never blank ids or unknown. */
    static Set<String> accountIds(Message message) {
        Set<String> ids = new LinkedHashSet<>();
        Object header = message.getHeader(JiraqConstants.ACCOUNT_ID);
        if (header instanceof Collection<?> values) {
            values.forEach(value -> addId(ids, value));
        } else if (header != null) {
            addId(ids, header);
        } else {
            collect(message.getBody(), ids);
        }
        return ids;
    }

    private static void collect(Object value, Set<String> ids) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                if (ACCOUNT_ID_FIELD.equals(key)) {
                    addId(ids, item);
                } else {
                    collect(item, ids);
                }
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> collect(item, ids));
        } else if (value instanceof JsonNode node) {
            collect(Json.toJava(node), ids);
        } else if (value instanceof String text && looksLikeJson(text)) {
            collect(Json.toJava(Json.toNode(text)), ids);
        }
    }

    private static boolean looksLikeJson(String text) {
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    private static void addId(Set<String> ids, Object value) {
        if (value instanceof String accountId && AccountRegistry.isRecordable(accountId)) {
            ids.add(accountId);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
