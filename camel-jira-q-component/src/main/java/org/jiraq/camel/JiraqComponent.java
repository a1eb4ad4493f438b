package org.jiraq.camel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.jiraq.camel.gdpr.AccountRegistry;
import org.jiraq.camel.gdpr.GdprStore;
import org.jiraq.camel.gdpr.InMemoryGdprStore;
import org.jiraq.camel.gdpr.ReportingSchedule;

/** The {@code jiraq:} component: Jira Cloud and Jira Data Center. */
@Component("jiraq")
public class JiraqComponent extends HealthCheckComponent {

    @Metadata(label = "advanced", description = "The shared configuration; endpoints start from a copy of it.")
    private JiraqConfiguration configuration = new JiraqConfiguration();

    // gdpr
    @Metadata(label = "advanced")
    private GdprStore gdprStore;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JiraqOperation operation = parseOperation(remaining);
        JiraqEndpoint endpoint = new JiraqEndpoint(uri, this, operation, configuration.copy());
        if (operation == JiraqOperation.gdpr) { // gdpr
            ReportingSchedule.applyDefaults(parameters);
        }
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    private static JiraqOperation parseOperation(String remaining) {
        try {
            return JiraqOperation.valueOf(remaining);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    "Unknown jiraq operation '" + remaining + "'; expected one of "
                                               + java.util.Arrays.toString(JiraqOperation.values()));
        }
    }

    // gdpr

    /** The accounts whose personal data the application holds; jiraq:gdpr reports them to Atlassian. */
    public AccountRegistry getAccountRegistry() {
        return getGdprStore();
    }

    public synchronized GdprStore getGdprStore() {
        if (gdprStore == null) {
            gdprStore = new InMemoryGdprStore();
        }
        return gdprStore;
    }

    /**
     * Where the account registry and the progress of the personal data reporting cycle are kept.
     */
    public void setGdprStore(GdprStore gdprStore) {
        this.gdprStore = gdprStore;
    }

    public JiraqConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; endpoints start from a copy of it. */
    public void setConfiguration(JiraqConfiguration configuration) {
        this.configuration = configuration;
    }
}
