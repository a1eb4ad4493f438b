package org.jiraq.camel;

import java.net.URI;
import java.util.Locale;

/** Which Jira the site is: Atlassian's Cloud or a self-hosted Data Center / Server. */
public enum JiraqDeployment {
    cloud,
    datacenter;

    /** Cloud sites live under Atlassian's domains; anything else is taken to be self-hosted. */
    public static JiraqDeployment inferFrom(URI siteUrl) {
        String host = siteUrl.getHost() == null ? "" : siteUrl.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".atlassian.net") || host.endsWith(".jira.com") || host.equals("api.atlassian.com")
                ? cloud : datacenter;
    }

    public int defaultApiVersion() {
        return this == cloud ? 3 : 2;
    }
}
