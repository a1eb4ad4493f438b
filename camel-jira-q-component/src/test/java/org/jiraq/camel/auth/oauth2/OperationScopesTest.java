package org.jiraq.camel.auth.oauth2;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the generated scope table judges a grant: Data Center's levels (and its read-only service scopes), Customer
 * Service Management's granular-only calls, one per csmResource, and an entitlement created for either kind of owner.
 */
class OperationScopesTest {

    @Test
    void dataCentersServiceScopesReadButDoNotWrite() {
        assertThat(OperationScopes.lacking("getIssue", null, Set.of("READ_ALL"), false)).isEmpty();
        assertThat(OperationScopes.lacking("deleteIssue", null, Set.of("READ_ALL"), false)).contains("WRITE");
        assertThat(OperationScopes.lacking("deleteIssue", null, Set.of("ADMIN"), false)).isEmpty();
        assertThat(OperationScopes.lacking("health check", null, Set.of("read"), false)).as("any case").isEmpty();
    }

    @Test
    void aCustomerServiceManagementEndpointNeedsOnlyItsResourcesGranularScope() {
        Set<String> products = Set.of("read:product:jira-service-management");

        assertThat(OperationScopes.lacking("csmGet", "product", products, true)).isEmpty();
        assertThat(OperationScopes.lacking("csmGet", "customer", products, true))
                .contains("read:customer:jira-service-management");
        assertThat(OperationScopes.lacking("csmGet", "product", Set.of("read:jira-work"), true))
                .as("no classic scope stands in for a granular-only call")
                .contains("read:product:jira-service-management");
    }

    @Test
    void anEntitlementIsCreatedWithTheScopeOfEitherKindOfOwner() {
        assertThat(OperationScopes.lacking("csmCreate", "entitlement",
                Set.of("write:organization:entitlement:jira-service-management"), true)).isEmpty();
        assertThat(OperationScopes.lacking("csmCreate", "entitlement", Set.of(), true)).hasValueSatisfying(missing ->
                assertThat(missing).isEqualTo("write:customer:entitlement:jira-service-management or"
                                              + " write:organization:entitlement:jira-service-management"));
    }
}
