package org.jiraq.simulator.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * Data Center personal access tokens ({@code Authorization: Bearer <PAT>}, Jira 8.14+). Unknown bearer tokens are
 * left to other schemes, e.g. OAuth 2.0 access tokens.
 */
public final class PersonalAccessTokenAuth implements SimulatorAuth {

    private final Map<String, SimulatorUser> usersByToken = new ConcurrentHashMap<>();

    public void add(String token, SimulatorUser owner) {
        usersByToken.put(token, owner);
    }

    @Override
    public Result authenticate(ApiRequest request) {
        String token = bearerToken(request);
        SimulatorUser owner = token == null ? null : usersByToken.get(token);
        return owner == null ? Result.abstain() : Result.authenticated(owner);
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    public static String bearerToken(ApiRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
