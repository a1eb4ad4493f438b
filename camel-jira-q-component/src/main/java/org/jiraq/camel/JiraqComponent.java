package org.jiraq.camel;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/** The {@code jiraq:} component: Jira Cloud and Jira Data Center. */
@Component("jiraq")
public class JiraqComponent extends HealthCheckComponent {

    @Metadata(label = "advanced", description = "The shared configuration; endpoints start from a copy of it.")
    private JiraqConfiguration configuration = new JiraqConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JiraqOperation operation = parseOperation(remaining);
        JiraqConfiguration endpointConfiguration = configuration.copy();
        // request, serviceDeskRequest: the query.*, httpHeader.* and cookie.* options become maps
        extractPrefixed(parameters, "query.", endpointConfiguration::setQueryParameters);
        extractPrefixed(parameters, "httpHeader.", endpointConfiguration::setHttpHeaders);
        extractPrefixed(parameters, "cookie.", endpointConfiguration::setCookies);
        JiraqEndpoint endpoint = new JiraqEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    private static void extractPrefixed(Map<String, Object> parameters, String prefix,
                                        Consumer<Map<String, Object>> setter) {
        Map<String, Object> values = PropertiesHelper.extractProperties(parameters, prefix);
        if (!values.isEmpty()) {
            setter.accept(values);
        }
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

    public JiraqConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration; endpoints start from a copy of it. */
    public void setConfiguration(JiraqConfiguration configuration) {
        this.configuration = configuration;
    }
}
