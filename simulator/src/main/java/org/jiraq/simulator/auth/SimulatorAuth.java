package org.jiraq.simulator.auth;

import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * One authentication scheme of the simulated site. The simulator asks each registered scheme in turn; the first that
 * does not abstain decides. A scheme abstains on credentials it does not recognise (another scheme may own that
 * bearer token), and refuses credentials it owns but finds wrong. When every scheme abstains, the answer is 401.
 */
@FunctionalInterface
public interface SimulatorAuth {

    /** What one scheme concluded about one request. */
    record Result(SimulatorUser user, boolean refused) {

        private static final Result ABSTAIN = new Result(null, false);
        private static final Result REFUSED = new Result(null, true);

        public static Result abstain() {
            return ABSTAIN;
        }

        public static Result refuse() {
            return REFUSED;
        }

        public static Result authenticated(SimulatorUser user) {
            return new Result(user, false);
        }

        public boolean authenticated() {
            return user != null;
        }
    }

    Result authenticate(ApiRequest request);
}
