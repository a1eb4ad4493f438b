package org.jiraq.simulator.platform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorContext;
import org.jiraq.simulator.SimulatorFeature;
import org.jiraq.simulator.http.ApiException;
import org.jiraq.simulator.http.ApiRequest;
import org.jiraq.simulator.http.ApiResponse;
import org.jiraq.simulator.http.Json;
import org.jiraq.simulator.http.MultipartForm;
import org.jiraq.simulator.model.Attachment;
import org.jiraq.simulator.model.Issue;
import org.jiraq.simulator.model.JiraTime;

/**
 * Attachment uploads: {@code POST {root}/issue/{issueIdOrKey}/attachments}, multipart with one {@code file} part per
 * file. Like Jira it refuses uploads without {@code X-Atlassian-Token: no-check} (XSRF protection) and answers with
 * the list of attachments created. The issue keeps each file's name, size and SHA-256, not its bytes.
 */
final class AttachmentEndpoints implements SimulatorFeature {

    static final String XSRF_FAILED = "XSRF check failed";

    private final AtomicLong nextId = new AtomicLong(10000);
    private SimulatorContext context;

    @Override
    public void register(SimulatorContext context) {
        this.context = context;
        context.route("POST", context.restRoot() + "/issue/{issueIdOrKey}/attachments", this::add);
    }

    private ApiResponse add(ApiRequest request) {
        if (!"no-check".equalsIgnoreCase(request.header("X-Atlassian-Token"))) {
            return ApiResponse.error(403, XSRF_FAILED);
        }
        Issue issue = IssueEndpoints.requireIssue(context, request);
        List<MultipartForm.Part> files = MultipartForm.parse(request.header("Content-Type"),
                request.wireMockRequest().getBody()).stream()
                .filter(part -> "file".equals(part.field()) && part.filename() != null)
                .toList();
        if (files.isEmpty()) {
            throw ApiException.badRequest("No file was found in the request: send each file as a part named 'file'.");
        }
        ArrayNode created = Json.array();
        for (MultipartForm.Part file : files) {
            Attachment attachment = new Attachment(nextId.getAndIncrement(), file.filename(), file.contentType(),
                    file.size(), file.sha256(), request.user(), context.clock().now());
            issue.addAttachment(attachment);
            created.add(render(attachment));
        }
        context.state().issueUpdated(issue, request.user(), "issue_updated", List.of("attachment"));
        return ApiResponse.ok(created);
    }

    private ObjectNode render(Attachment attachment) {
        ObjectNode node = Json.object()
                .put("self", context.json().self("attachment/" + attachment.id()))
                .put("id", Long.toString(attachment.id()))
                .put("filename", attachment.filename());
        node.set("author", context.json().user(attachment.author()));
        return node.put("created", JiraTime.format(attachment.created()))
                .put("size", attachment.size())
                .put("mimeType", attachment.mimeType())
                .put("content", context.baseUrl() + (context.flavour() == JiraSimulator.Flavour.CLOUD
                        ? context.restRoot() + "/attachment/content/" + attachment.id()
                        : "/secure/attachment/" + attachment.id() + "/" + attachment.filename()));
    }
}
