package org.jiraq.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options: component-wide defaults, per-endpoint overrides, and mistakes caught when the endpoint is created. */
class JiraqEndpointConfigurationTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.getComponent("jiraq", JiraqComponent.class).getConfiguration().setBaseUrl("https://acme.atlassian.net");
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private JiraqEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, JiraqEndpoint.class);
    }

    private static String causeMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Test
    void componentOptionsApplyAndEndpointOptionsOverrideThem() {
        JiraqComponent component = context.getComponent("jiraq", JiraqComponent.class);
        component.getConfiguration().setBaseUrl("https://acme.atlassian.net");
        component.getConfiguration().setUsername("bot@acme.com");
        component.getConfiguration().setApiToken("t0ken");
        component.getConfiguration().setPageSize(25);

        JiraqEndpoint plain = endpoint("jiraq:searchIssues");
        JiraqEndpoint tuned = endpoint("jiraq:searchIssues?pageSize=100&searchMode=stream");

        assertThat(plain.getConfiguration().getPageSize()).isEqualTo(25);
        assertThat(tuned.getConfiguration().getPageSize()).isEqualTo(100);
        assertThat(tuned.getConfiguration().getSearchMode()).isEqualTo(JiraqSearchMode.stream);
        assertThat(component.getConfiguration().getPageSize()).isEqualTo(25);
    }

    @Test
    void deploymentAndApiVersionAreInferredFromTheSite() {
        JiraqEndpoint cloud = endpoint("jiraq:getIssue?baseUrl=https://acme.atlassian.net&username=u&apiToken=t");
        JiraqEndpoint dc = endpoint("jiraq:getIssue?baseUrl=https://jira.acme.internal/jira&personalAccessToken=p");

        assertThat(cloud.getDeployment()).isEqualTo(JiraqDeployment.cloud);
        assertThat(cloud.apiPath()).isEqualTo("/rest/api/3");
        assertThat(dc.getDeployment()).isEqualTo(JiraqDeployment.datacenter);
        assertThat(dc.apiPath()).isEqualTo("/rest/api/2");
    }

    @Test
    void aCloudSiteCanBeGivenByItsNameAlone() {
        JiraqEndpoint byName = endpoint("jiraq:getIssue?baseUrl=acme&username=u&apiToken=t");
        JiraqEndpoint byHost = endpoint("jiraq:getIssue?baseUrl=acme.atlassian.net&username=u&apiToken=t");

        assertThat(byName.getServiceUrl()).isEqualTo("https://acme.atlassian.net");
        assertThat(byName.getDeployment()).isEqualTo(JiraqDeployment.cloud);
        assertThat(byName.getApiVersion()).isEqualTo(3);
        assertThat(byHost.getServiceUrl()).isEqualTo("https://acme.atlassian.net");
    }

    @Test
    void missingBaseUrlNamesTheOption() {
        JiraqComponent fresh = new JiraqComponent();
        context.addComponent("jiraq2", fresh);

        assertThatThrownBy(() -> context.getEndpoint("jiraq2:getIssue?username=u&apiToken=t"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(causeMessage(e)).isEqualTo(
                        "Option 'baseUrl' is required: the Jira site URL, for example https://acme.atlassian.net"));
    }

    @Test
    void baseUrlWithCredentialsInsideIsRefused() {
        assertThatThrownBy(() -> endpoint("jiraq:getIssue?baseUrl=https://u:p@acme.atlassian.net&username=u&apiToken=t"))
                .satisfies(e -> assertThat(causeMessage(e)).isEqualTo(
                        "Option 'baseUrl' must not carry a query or credentials; use the security options instead"));
    }

    @Test
    void apiTokenWithoutUsernameNamesTheMissingOption() {
        assertThatThrownBy(() -> endpoint("jiraq:getIssue?authStrategy=apiToken&apiToken=t"))
                .satisfies(e -> assertThat(causeMessage(e)).isEqualTo(
                        "Option 'username' is required with authStrategy=apiToken (the Atlassian account e-mail or DC user name)"));
    }

    @Test
    void patWithoutTokenNamesTheMissingOption() {
        assertThatThrownBy(() -> endpoint("jiraq:getIssue?authStrategy=pat"))
                .satisfies(e -> assertThat(causeMessage(e)).isEqualTo(
                        "Option 'personalAccessToken' is required with authStrategy=pat (the token)"));
    }

    @Test
    void noCredentialsAtAllAsksForAnAuthStrategy() {
        assertThatThrownBy(() -> endpoint("jiraq:getIssue"))
                .satisfies(e -> assertThat(causeMessage(e)).startsWith("Option 'authStrategy' is required"));
    }

    @Test
    void dataCenterWithApiVersion3IsContradictory() {
        assertThatThrownBy(() -> endpoint("jiraq:getIssue?deployment=datacenter&apiVersion=3&personalAccessToken=p"))
                .satisfies(e -> assertThat(causeMessage(e)).isEqualTo(
                        "Option 'apiVersion' 3 is not offered by Jira Data Center; use 2 or leave it unset"));
    }

    @Test
    void unknownOperationListsTheOperations() {
        assertThatThrownBy(() -> endpoint("jiraq:createIssues?username=u&apiToken=t"))
                .satisfies(e -> assertThat(causeMessage(e)).startsWith("Unknown jiraq operation 'createIssues'; expected one of [createIssue, "));
    }

    @Test
    void secretsAreMaskedInTheEndpointUri() {
        JiraqEndpoint ep = endpoint("jiraq:getIssue?username=bot@acme.com&apiToken=very-secret-token");

        assertThat(ep.toString()).doesNotContain("very-secret-token");
    }
}
