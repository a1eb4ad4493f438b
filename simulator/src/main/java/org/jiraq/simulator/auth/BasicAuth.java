package org.jiraq.simulator.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * HTTP Basic authentication: e-mail and API token on Cloud; username (or e-mail) and password on Data Center.
 * Basic credentials belong to this scheme alone, so wrong ones are refused rather than passed on.
 */
public final class BasicAuth implements SimulatorAuth {

    private record Account(String secret, SimulatorUser user) {
    }

    private final Map<String, Account> accountsByLogin = new ConcurrentHashMap<>();

    /** Lets {@code user} in with {@code secret}, under its e-mail and, for Data Center, its username. */
    public void add(SimulatorUser user, String secret) {
        Account account = new Account(secret, user);
        accountsByLogin.put(user.email(), account);
        accountsByLogin.putIfAbsent(user.username(), account);
    }

    @Override
    public Result authenticate(ApiRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Result.abstain();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Result.refuse();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Result.refuse();
        }
        Account account = accountsByLogin.get(decoded.substring(0, colon));
        return account != null && account.secret().equals(decoded.substring(colon + 1))
                ? Result.authenticated(account.user())
                : Result.refuse();
    }
}
