package org.jiraq.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.jiraq.camel.connection.JiraqConnection;
import org.jiraq.camel.operation.AttachmentOperation;
import org.jiraq.camel.operation.BulkCreateOperation;
import org.jiraq.camel.operation.CommentOperations;
import org.jiraq.camel.operation.CsmOperations;
import org.jiraq.camel.operation.IssueOperations;
import org.jiraq.camel.operation.OperationHandler;
import org.jiraq.camel.operation.ProjectOperations;
import org.jiraq.camel.operation.ReportAccountsOperation;
import org.jiraq.camel.operation.RequestOperation;
import org.jiraq.camel.operation.SearchOperation;
import org.jiraq.camel.operation.ServiceDeskOperations;
import org.jiraq.camel.operation.TransitionOperations;
import org.jiraq.camel.webhook.InboxRequeue;
import org.jiraq.camel.webhook.WebhookInbox;

/** Sends each exchange to the handler of the endpoint's operation. */
public class JiraqProducer extends DefaultProducer {

    private final OperationHandler handler;
    private JiraqConnection checked;

    public JiraqProducer(JiraqEndpoint endpoint) {
        super(endpoint);
        this.handler = handler(endpoint);
    }

    /** The one handler this endpoint's operation needs; consumer-only operations have none. */
    private static OperationHandler handler(JiraqEndpoint endpoint) {
        return switch (endpoint.getOperation()) {
            case createIssue -> new IssueOperations(endpoint)::create;
            case getIssue -> new IssueOperations(endpoint)::get;
            case updateIssue -> new IssueOperations(endpoint)::update;
            case deleteIssue -> new IssueOperations(endpoint)::delete;
            case searchIssues -> new SearchOperation(endpoint)::search;
            case getProjects -> new ProjectOperations(endpoint)::list;
            case addComment -> new CommentOperations(endpoint)::add;
            case getComments -> new CommentOperations(endpoint)::list;
            case getTransitions -> new TransitionOperations(endpoint)::list;
            case transitionIssue -> new TransitionOperations(endpoint)::transition;
            case request -> new RequestOperation(endpoint, "/rest")::send;
            case serviceDeskRequest -> new RequestOperation(endpoint, "/rest/servicedeskapi")::send;
            case getServiceDesks -> new ServiceDeskOperations(endpoint)::listServiceDesks;
            case getRequestTypes -> new ServiceDeskOperations(endpoint)::listRequestTypes;
            case createCustomerRequest -> new ServiceDeskOperations(endpoint)::createRequest;
            case getCustomerRequest -> new ServiceDeskOperations(endpoint)::getRequest;
            case addRequestComment -> new ServiceDeskOperations(endpoint)::addComment;
            case csmList -> new CsmOperations(endpoint)::list;
            case csmGet -> new CsmOperations(endpoint)::get;
            case csmCreate -> new CsmOperations(endpoint)::create;
            case csmUpdate -> new CsmOperations(endpoint)::update;
            case bulkCreateIssues -> new BulkCreateOperation(endpoint)::create;
            case addAttachment -> new AttachmentOperation(endpoint)::add;
            case reportAccounts -> new ReportAccountsOperation(endpoint)::report;
            case webhook -> new InboxRequeue(new WebhookInbox(endpoint.getComponent().getStore(),
                    JiraqWebhookConsumer.inboxName(endpoint.getConfiguration()), "producer"))::handle;
            case issues, gdpr -> throw new IllegalArgumentException(
                    "jiraq:" + endpoint.getOperation() + " is a consumer; it cannot be used as a producer");
        };
    }

    @Override
    public JiraqEndpoint getEndpoint() {
        return (JiraqEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JiraqEndpoint endpoint = getEndpoint();
        ExchangeRateLimit answers = ExchangeRateLimit.listenTo(exchange);
        try {
            handler.handle(exchange);
        } catch (JiraqHttpException e) {
            throw endpoint.explain(e, exchange);
        } finally {
            answers.applyTo(exchange.getMessage());
            endpoint.checkScopes(exchange);
        }
    }

    /** Puts the connection's readiness check in Camel's producers repository while this producer runs. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        checked = getEndpoint().getConnection();
        if (checked != null) {
            getEndpoint().getComponent().getProducerHealthChecks().producerStarted(checked);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (checked != null) {
            getEndpoint().getComponent().getProducerHealthChecks().producerStopped(checked);
            checked = null;
        }
        super.doStop();
    }
}
