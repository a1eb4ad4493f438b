package org.jiraq.simulator.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.model.JiraTime;

/** Who am I and what is this: {@code {root}/myself} and {@code {root}/serverInfo} (readable without credentials). */
final class ServerEndpoints implements SimulatorFeature {

    static final String CLOUD_VERSION = "1001.0.0-SNAPSHOT";
    static final String DATA_CENTER_VERSION = "10.3.12";

    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        context.route("GET", context.restRoot() + "/myself", this::myself);
        context.route("GET", context.restRoot() + "/serverInfo", this::serverInfo).anonymous();
    }

    private ApiResponse myself(ApiRequest request) {
        return ApiResponse.ok(context.json().myself(request.user()));
    }

    private ApiResponse serverInfo(ApiRequest request) {
        boolean cloud = context.flavour() == JiraSimulator.Flavour.CLOUD;
        String version = cloud ? CLOUD_VERSION : DATA_CENTER_VERSION;
        ObjectNode info = Json.object()
                .put("baseUrl", context.baseUrl())
                .put("version", version);
        var numbers = info.putArray("versionNumbers");
        for (String part : version.split("-")[0].split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        info.put("deploymentType", cloud ? "Cloud" : "Server")
                .put("buildNumber", cloud ? 100_302 : 10_030_012)
                .put("buildDate", "2026-11-01T00:00:00.000+0000")
                .put("serverTime", JiraTime.format(context.clock().now()))
                .put("scmInfo", "0123456789abcdef0123456789abcdef01234567")
                .put("serverTitle", "Jira Simulator");
        return ApiResponse.ok(info);
    }
}
