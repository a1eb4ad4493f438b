package org.jiraq.simulator.http;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.function.Predicate;

/**
 * Hands every served exchange to the {@link ContractValidator}. It runs before the response is written, so a test
 * that reads {@code contractViolations()} right after its call already sees what that call broke.
 */
public final class ContractListener implements ServeEventListener {

    private final ContractValidator validator;
    private final Predicate<ServeEvent> exempt;

    public ContractListener(ContractValidator validator, Predicate<ServeEvent> exempt) {
        this.validator = validator;
        this.exempt = exempt;
    }

    @Override
    public String getName() {
        return "jira-contract-check";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
        validator.checkServed(serveEvent.getId(), serveEvent.getRequest(), serveEvent.getResponse(),
                exempt.test(serveEvent));
    }
}
