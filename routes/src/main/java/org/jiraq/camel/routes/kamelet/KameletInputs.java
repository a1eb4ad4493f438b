package org.jiraq.camel.routes.kamelet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.jiraq.camel.JiraqConstants;

/**
 * What a jiraq sink Kamelet reads from the message before it calls Jira: each input from a header under any of the
 * names Kamelet users know (ours, the CloudEvents {@code ce-*} extensions and both header styles of Apache's Jira
 * Kamelets), else from the Kamelet's property. A missing input fails before any call, naming the Kamelet's own
 * headers and properties, not the component's.
 * <p>
 * Set up as a bean in the Kamelet's template: {@code kamelet} and {@code operation}, then the properties that act
 * as defaults.
 */
public class KameletInputs implements Processor {

    /** One input: the component header it fills, the message headers it is read from (first found wins). */
    private record Input(String target, String property, boolean required, List<String> headers) {

        Input required(boolean required) {
            return new Input(target, property, required, headers);
        }
    }

    private static final Input PROJECT = new Input(JiraqConstants.PROJECT_KEY, "projectKey", true,
            List.of("projectKey", "ce-projectKey", "CamelJiraIssueProjectKey"));
    private static final Input ISSUE_TYPE = new Input(JiraqConstants.ISSUE_TYPE_NAME, "issueTypeName", true,
            List.of("issueTypeName", "ce-issueTypeName", "CamelJiraIssueTypeName"));
    private static final Input SUMMARY = new Input(JiraqConstants.SUMMARY, null, false,
            List.of("summary", "issueSummary", "ce-issueSummary", "CamelJiraIssueSummary"));
    private static final Input DESCRIPTION = new Input(JiraqConstants.DESCRIPTION, null, false,
            List.of("description", "issueDescription", "ce-issueDescription", "CamelJiraIssueDescription"));
    private static final Input PRIORITY = new Input(JiraqConstants.PRIORITY, "priority", false,
            List.of("priority", "issuePriorityName", "ce-issuePriorityName", "CamelJiraIssuePriorityName"));
    private static final Input ASSIGNEE = new Input(JiraqConstants.ASSIGNEE, "assignee", false,
            List.of("assignee", "issueAssignee", "ce-issueAssignee", "CamelJiraIssueAssignee"));
    private static final Input COMPONENTS = new Input(JiraqConstants.COMPONENTS, "components", false,
            List.of("components", "issueComponents", "ce-issueComponents", "CamelJiraIssueComponents"));
    private static final Input LABELS = new Input(JiraqConstants.LABELS, "labels", false,
            List.of("labels", "issueLabels", "ce-issueLabels"));
    private static final Input FIX_VERSIONS = new Input(JiraqConstants.FIX_VERSIONS, null, false,
            List.of("fixVersions", "issueFixVersions", "ce-issueFixVersions"));
    private static final Input DUE_DATE = new Input(JiraqConstants.DUE_DATE, null, false,
            List.of("dueDate", "issueDueDate", "ce-issueDueDate"));
    private static final Input PARENT = new Input(JiraqConstants.PARENT, null, false,
            List.of("parent", "issueParent", "ce-issueParent"));
    private static final Input ISSUE_KEY = new Input(JiraqConstants.ISSUE_KEY, null, true,
            List.of("issueKey", "ce-issueKey", "CamelJiraIssueKey"));
    private static final Input TRANSITION = new Input(JiraqConstants.TRANSITION, "transition", true,
            List.of("transition", "issueTransitionId", "ce-issueTransitionId", "CamelJiraIssueTransitionId"));

    private static final Map<String, List<Input>> BY_OPERATION = Map.of(
            "createIssue", List.of(PROJECT, ISSUE_TYPE, SUMMARY.required(true), DESCRIPTION, PRIORITY, ASSIGNEE,
                    COMPONENTS, LABELS, FIX_VERSIONS, DUE_DATE, PARENT),
            "updateIssue", List.of(ISSUE_KEY, ISSUE_TYPE.required(false), SUMMARY, DESCRIPTION, PRIORITY, ASSIGNEE,
                    COMPONENTS, LABELS, FIX_VERSIONS, DUE_DATE, PARENT),
            "addComment", List.of(ISSUE_KEY),
            "transitionIssue", List.of(ISSUE_KEY, TRANSITION));

    private String kamelet;
    private String operation;
    private final Map<String, String> properties = new LinkedHashMap<>();

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        List<Input> inputs = BY_OPERATION.get(operation);
        if (inputs == null) {
            throw new IllegalStateException("KameletInputs of " + kamelet + " has no operation " + operation);
        }
        // Jira's {"fields":{...}} as the body may bring what the headers do not
        boolean bodyHasFields = in.getBody() instanceof Map
                                || in.getBody() instanceof String text && text.stripLeading().startsWith("{");
        List<String> missing = new ArrayList<>();
        for (Input input : inputs) {
            Object value = in.getHeader(input.target());
            for (int i = 0; isEmpty(value) && i < input.headers().size(); i++) {
                value = in.getHeader(input.headers().get(i));
            }
            if (isEmpty(value) && input.property() != null) {
                value = properties.get(input.property());
            }
            if (input.target().equals(JiraqConstants.DESCRIPTION) && !isEmpty(in.getBody())) {
                continue; // as in Apache's Kamelets, a body is the description and wins over the header
            }
            if (!isEmpty(value)) {
                in.setHeader(input.target(), value);
            } else if (input.required() && !(bodyHasFields && !input.target().equals(JiraqConstants.ISSUE_KEY))) {
                missing.add(describe(input));
            }
        }
        if ("addComment".equals(operation) && isEmpty(in.getBody()) && isEmpty(in.getHeader(JiraqConstants.COMMENT))) {
            missing.add("a comment: the message body");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(kamelet + " needs " + String.join("; and ", missing));
        }
    }

    private static String describe(Input input) {
        String what = input.headers().get(0);
        return what + ": set " + (input.property() != null ? "property " + input.property() + ", or " : "")
               + "header " + String.join(" or ", input.headers());
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    /** The Kamelet's name, for messages. */
    public void setKamelet(String kamelet) {
        this.kamelet = kamelet;
    }

    /** createIssue, updateIssue, addComment or transitionIssue. */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    public void setProjectKey(String projectKey) {
        properties.put("projectKey", projectKey);
    }

    public void setIssueTypeName(String issueTypeName) {
        properties.put("issueTypeName", issueTypeName);
    }

    public void setPriority(String priority) {
        properties.put("priority", priority);
    }

    public void setAssignee(String assignee) {
        properties.put("assignee", assignee);
    }

    public void setComponents(String components) {
        properties.put("components", components);
    }

    public void setLabels(String labels) {
        properties.put("labels", labels);
    }

    public void setTransition(String transition) {
        properties.put("transition", transition);
    }
}
