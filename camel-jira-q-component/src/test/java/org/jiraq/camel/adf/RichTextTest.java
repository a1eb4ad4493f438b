package org.jiraq.camel.adf;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RichTextTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A document with a mention, which Markdown cannot express, so passing through is told apart from converting. */
    private static final String ADF_JSON = """
            {"version":1,"type":"doc","content":[{"type":"paragraph","content":[
              {"type":"text","text":"Ping "},
              {"type":"mention","attrs":{"id":"5b10a2844c20165700ede21g","text":"@Jane Doe"}}]}]}""";

    private static final Map<String, Object> ADF_MAP = Map.of(
            "version", 1,
            "type", "doc",
            "content", List.of(Map.of("type", "paragraph", "content", List.of(
                    Map.of("type", "text", "text", "Ping "),
                    Map.of("type", "mention", "attrs", Map.of("id", "5b10a2844c20165700ede21g", "text", "@Jane Doe"))))));

    @Test
    void adfDocumentGivenAsJsonNodePassesThroughUntouchedToAdfApi() {
        JsonNode document = json(ADF_JSON);
        assertThat(RichText.toFieldValue(document, true)).isSameAs(document);
    }

    @Test
    void adfDocumentGivenAsMapPassesThroughToAdfApi() {
        assertThat(RichText.toFieldValue(ADF_MAP, true)).isEqualTo(json(ADF_JSON));
    }

    @Test
    void adfDocumentGivenAsJsonStringPassesThroughToAdfApi() {
        assertThat(RichText.toFieldValue(ADF_JSON, true)).isEqualTo(json(ADF_JSON));
        assertThat(RichText.toFieldValue(TextNode.valueOf(ADF_JSON), true)).isEqualTo(json(ADF_JSON));
    }

    @Test
    void otherTextIsConvertedFromMarkdownForAdfApi() {
        assertThat(RichText.toFieldValue("Fixed in **2.0**", true)).isEqualTo(json("""
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[
                  {"type":"text","text":"Fixed in "},{"type":"text","text":"2.0","marks":[{"type":"strong"}]}]}]}"""));
    }

    @Test
    void jsonTextThatIsNotAnAdfDocumentIsConvertedAsText() {
        assertThat(RichText.toFieldValue("{\"status\":\"ok\"}", true)).isEqualTo(paragraphDocument("{\"status\":\"ok\"}"));
        String docThenProse = "{\"type\":\"doc\",\"content\":[]} is the empty document";
        assertThat(RichText.toFieldValue(docThenProse, true)).isEqualTo(paragraphDocument(docThenProse));
        assertThat(RichText.toFieldValue("{ not json", true)).isEqualTo(paragraphDocument("{ not json"));
    }

    @Test
    void scalarsAreConvertedAsTheirText() {
        assertThat(RichText.toFieldValue(42, true)).isEqualTo(paragraphDocument("42"));
        assertThat(RichText.toFieldValue(42, false)).isEqualTo(TextNode.valueOf("42"));
    }

    @Test
    void stringsPassAsTheyAreToTextApi() {
        String wikiMarkup = "h1. Title\n*bold* and {{code}}";
        assertThat(RichText.toFieldValue(wikiMarkup, false)).isEqualTo(TextNode.valueOf(wikiMarkup));
        assertThat(RichText.toFieldValue("{\"status\":\"ok\"}", false)).isEqualTo(TextNode.valueOf("{\"status\":\"ok\"}"));
    }

    @Test
    void adfDocumentsAreFlattenedToTextForTextApi() {
        TextNode expected = TextNode.valueOf("Ping @Jane Doe");
        assertThat(RichText.toFieldValue(json(ADF_JSON), false)).isEqualTo(expected);
        assertThat(RichText.toFieldValue(ADF_MAP, false)).isEqualTo(expected);
        assertThat(RichText.toFieldValue(ADF_JSON, false)).isEqualTo(expected);
    }

    @Test
    void nullClearsTheFieldOnBothApis() {
        assertThat(RichText.toFieldValue(null, true)).isEqualTo(NullNode.getInstance());
        assertThat(RichText.toFieldValue(null, false)).isEqualTo(NullNode.getInstance());
        assertThat(RichText.toFieldValue(NullNode.getInstance(), true)).isEqualTo(NullNode.getInstance());
    }

    @Test
    void structuredValuesThatAreNotAdfDocumentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> RichText.toFieldValue(Map.of("type", "paragraph"), true))
                .withMessageContaining("given a map");
        assertThatIllegalArgumentException().isThrownBy(() -> RichText.toFieldValue(json("{\"type\":\"doc\"}"), false))
                .withMessageContaining("given a JSON object");
        assertThatIllegalArgumentException().isThrownBy(() -> RichText.toFieldValue(json("[]"), true))
                .withMessageContaining("given a JSON array");
    }

    private static JsonNode paragraphDocument(String text) {
        return MAPPER.createObjectNode().put("version", 1).put("type", "doc").set("content", MAPPER.createArrayNode()
                .add(MAPPER.createObjectNode().put("type", "paragraph").set("content", MAPPER.createArrayNode()
                        .add(MAPPER.createObjectNode().put("type", "text").put("text", text)))));
    }

    private static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
