package org.jiraq.simulator.servicedesk;

import java.util.ArrayList;
import java.util.List;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.SimulatorState;
import org.jiraq.simulator.model.SimulatorUser;

/**
 * What Service Management keeps about an issue raised as a customer request: its desk and request type, the customer
 * it was raised for, and its public and internal comments. The issue itself lives in {@link SimulatorState}.
 */
public final class CustomerRequest {

    private final Issue issue;
    private final ServiceDesk serviceDesk;
    private final RequestType requestType;
    private final SimulatorUser customer;
    private final List<String> participants;
    private final List<RequestComment> comments = new ArrayList<>();

    CustomerRequest(Issue issue, ServiceDesk serviceDesk, RequestType requestType, SimulatorUser customer,
            List<String> participants) {
        this.issue = issue;
        this.serviceDesk = serviceDesk;
        this.requestType = requestType;
        this.customer = customer;
        this.participants = List.copyOf(participants);
    }

    public Issue issue() {
        return issue;
    }

    public ServiceDesk serviceDesk() {
        return serviceDesk;
    }

    public RequestType requestType() {
        return requestType;
    }

    /** The customer who raised it, or on whose behalf it was raised. */
    public SimulatorUser customer() {
        return customer;
    }

    /** The account ids of the customers who take part. */
    public List<String> participants() {
        return participants;
    }

    public List<RequestComment> comments() {
        return List.copyOf(comments);
    }

    void addComment(RequestComment comment) {
        comments.add(comment);
    }
}
