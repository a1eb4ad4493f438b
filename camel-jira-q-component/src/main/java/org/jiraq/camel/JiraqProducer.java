package org.jiraq.camel;

import java.util.EnumMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.jiraq.camel.operation.AttachmentOperation;
import org.jiraq.camel.operation.BulkCreateOperation;
import org.jiraq.camel.gdpr.ReportAccountsOperation;
import org.jiraq.camel.operation.CommentOperations;
import org.jiraq.camel.operation.IssueOperations;
import org.jiraq.camel.operation.OperationHandler;
import org.jiraq.camel.operation.ProjectOperations;
import org.jiraq.camel.operation.RequestOperation;
import org.jiraq.camel.operation.SearchOperation;
import org.jiraq.camel.operation.ServiceDeskOperations;
import org.jiraq.camel.operation.TransitionOperations;

/** Sends each exchange to the handler of the endpoint's operation. */
public class JiraqProducer extends DefaultProducer {

    private final OperationHandler handler;

    public JiraqProducer(JiraqEndpoint endpoint) {
        super(endpoint);
        this.handler = handlers(endpoint).get(endpoint.getOperation());
        if (handler == null) {
            throw new IllegalArgumentException("jiraq:" + endpoint.getOperation() + " cannot be used as a producer");
        }
    }

    private static Map<JiraqOperation, OperationHandler> handlers(JiraqEndpoint endpoint) {
        IssueOperations issues = new IssueOperations(endpoint);
        CommentOperations comments = new CommentOperations(endpoint);
        TransitionOperations transitions = new TransitionOperations(endpoint);
        Map<JiraqOperation, OperationHandler> map = new EnumMap<>(JiraqOperation.class);
        map.put(JiraqOperation.createIssue, issues::create);
        map.put(JiraqOperation.getIssue, issues::get);
        map.put(JiraqOperation.updateIssue, issues::update);
        map.put(JiraqOperation.deleteIssue, issues::delete);
        map.put(JiraqOperation.searchIssues, new SearchOperation(endpoint)::search);
        map.put(JiraqOperation.getProjects, new ProjectOperations(endpoint)::list);
        map.put(JiraqOperation.addComment, comments::add);
        map.put(JiraqOperation.getComments, comments::list);
        map.put(JiraqOperation.getTransitions, transitions::list);
        map.put(JiraqOperation.transitionIssue, transitions::transition);
        map.put(JiraqOperation.request, new RequestOperation(endpoint, "/rest")::send);
        map.put(JiraqOperation.serviceDeskRequest, new RequestOperation(endpoint, "/rest/servicedeskapi")::send);
        ServiceDeskOperations serviceDesk = new ServiceDeskOperations(endpoint);
        map.put(JiraqOperation.getServiceDesks, serviceDesk::listServiceDesks);
        map.put(JiraqOperation.getRequestTypes, serviceDesk::listRequestTypes);
        map.put(JiraqOperation.createCustomerRequest, serviceDesk::createRequest);
        map.put(JiraqOperation.getCustomerRequest, serviceDesk::getRequest);
        map.put(JiraqOperation.addRequestComment, serviceDesk::addComment);
        map.put(JiraqOperation.bulkCreateIssues, new BulkCreateOperation(endpoint)::create);
        map.put(JiraqOperation.addAttachment, new AttachmentOperation(endpoint)::add);
        map.put(JiraqOperation.reportAccounts, new ReportAccountsOperation(endpoint)::report);
        return map;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        handler.handle(exchange);
    }
}
