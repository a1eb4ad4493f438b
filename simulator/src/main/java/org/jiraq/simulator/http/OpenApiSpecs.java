package org.jiraq.simulator.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.StatusType;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atlassian's OpenAPI documents, shipped in this jar, turned into validators once per JVM: each takes about a second
 * to load, and tests start many simulators.
 */
public enum OpenApiSpecs {

    /** Jira Cloud platform REST API v3 ({@code /rest/api/3}). */
    CLOUD_PLATFORM("specs/swagger-v3.v3.json", OpenApiSpecs::patchCloud),
    /** Jira Service Management Cloud ({@code /rest/servicedeskapi}). */
    SERVICE_MANAGEMENT("specs/jsm.v3.json", spec -> { }),
    /** Jira Software Data Center 10.3 ({@code /rest/api/2}; the document's server URL ends in {@code /rest}). */
    DATA_CENTER("specs/jira-software-dc-10.3-openapi.json", OpenApiSpecs::patchDataCenter);

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiSpecs.class);
    private static final Map<OpenApiSpecs, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final String resource;
    private final Consumer<ObjectNode> quirkPatch;

    OpenApiSpecs(String resource, Consumer<ObjectNode> quirkPatch) {
        this.resource = resource;
        this.quirkPatch = quirkPatch;
    }

    OpenApiInteractionValidator validator() {
        return VALIDATORS.computeIfAbsent(this, OpenApiSpecs::load);
    }

    private OpenApiInteractionValidator load() {
        long start = System.nanoTime();
        ObjectNode document = (ObjectNode) document();
        quirkPatch.accept(document);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        // lenient: the DC and JSM documents repeat operationIds, which the validator's own loader refuses outright
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Json.write(document), null, options);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createFor(parsed.getOpenAPI())
                .withLevelResolver(LevelResolver.create()
                        // credentials are the simulator's own business (SimulatorAuth), not the documents': they
                        // list only some of the schemes Jira takes (the DC one knows no bearer tokens)
                        .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        // Jira answers statuses its documents leave out (401 on most DC operations, 410 for the
                        // removed search); the bodies of the documented statuses are still checked
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                        .build())
                // the documents describe most 4xx answers without a body, yet Jira always sends its error envelope
                .withWhitelist(ValidationErrorsWhitelist.create().withRule("Jira error bodies",
                        WhitelistRules.allOf(
                                WhitelistRules.messageHasKey("validation.response.body.unexpected"),
                                WhitelistRules.anyOf(
                                        WhitelistRules.responseStatusTypeIs(StatusType.CLIENT_ERROR),
                                        WhitelistRules.responseStatusTypeIs(StatusType.SERVER_ERROR)))))
                .build();
        LOG.debug("Loaded {} in {} ms", resource, (System.nanoTime() - start) / 1_000_000);
        return validator;
    }

    /** The document as Atlassian published it, freshly read. */
    public JsonNode document() {
        return read(resource);
    }

    /** A JSON document shipped in this jar, freshly read. */
    public static JsonNode read(String resource) {
        try (InputStream in = OpenApiSpecs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The Cloud document's known mistakes against what Jira Cloud actually sends and accepts. */
    private static void patchCloud(ObjectNode document) {
        // several 204 answers (edit issue, do transition...) declare a JSON body of any shape; Jira sends none, as
        // 204 requires
        document.path("paths").forEach(path -> path.forEach(operation -> {
            JsonNode noContent = operation.path("responses").path("204");
            if (noContent.isObject()) {
                ((ObjectNode) noContent).remove("content");
            }
        }));
        // /project/search declares maxResults "maximum: 100", while its own description (and Jira) take a larger
        // value and answer pages of 100
        for (JsonNode parameter : document.path("paths").path("/rest/api/3/project/search").path("get")
                .path("parameters")) {
            if ("maxResults".equals(parameter.path("name").asText())) {
                ((ObjectNode) parameter.path("schema")).remove("maximum");
            }
        }
    }

    /** The Data Center document's known mistakes against what Jira DC actually sends and accepts. */
    private static void patchDataCenter(ObjectNode document) {
        JsonNode schemas = document.path("components").path("schemas");
        // IssueBean.fields, IssueBean.renderedFields and IssueUpdateBean.fields declare every field value an
        // object, yet a summary is a string, labels an array, and so on: any value is allowed
        patchAnyValue(schemas, "IssueBean", "fields");
        patchAnyValue(schemas, "IssueBean", "renderedFields");
        patchAnyValue(schemas, "IssueUpdateBean", "fields");
        // EntityPropertyBean.value is a raw JSON value on the wire (any JSON), documented as its Java type, a string
        ((ObjectNode) schemas.path("EntityPropertyBean").path("properties")).putObject("value");
        // IssueBean lacks the "expand" string every issue carries, ProjectBean the "projectTypeKey" of every project
        ((ObjectNode) schemas.path("IssueBean").path("properties")).putObject("expand").put("type", "string");
        ((ObjectNode) schemas.path("ProjectBean").path("properties")).putObject("projectTypeKey").put("type", "string");
        // StringList, the type of query parameters such as search's "fields" and "expand", is declared an object,
        // so the validator tries to read "summary,status" as JSON; it is a comma-separated string
        ((ObjectNode) schemas.path("StringList")).removeAll().put("type", "string");
        // GET /api/2/project answers an array of projects, documented as a single one
        ObjectNode projects = (ObjectNode) document.path("paths").path("/api/2/project").path("get")
                .path("responses").path("200").path("content").path("application/json");
        JsonNode project = projects.remove("schema");
        projects.putObject("schema").put("type", "array").set("items", project);
        // POST /api/2/issue/{issueIdOrKey}/attachments answers the list of attachments added, documented as one
        ObjectNode attachments = (ObjectNode) document.path("paths").path("/api/2/issue/{issueIdOrKey}/attachments")
                .path("post").path("responses").path("200").path("content").path("application/json");
        JsonNode attachment = attachments.remove("schema");
        attachments.putObject("schema").put("type", "array").set("items", attachment);
    }

    private static void patchAnyValue(JsonNode schemas, String schema, String property) {
        JsonNode target = schemas.path(schema).path("properties").path(property);
        if (!target.isObject()) {
            throw new IllegalStateException("the DC document no longer has " + schema + "." + property);
        }
        ((ObjectNode) target).putObject("additionalProperties");
    }
}
