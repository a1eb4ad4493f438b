package org.jiraq.camel.adf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdfTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void docWithContentIsADocumentEvenWithoutVersion() {
        assertThat(Adf.isDocument(json("{\"version\":1,\"type\":\"doc\",\"content\":[]}"))).isTrue();
        assertThat(Adf.isDocument(json("{\"type\":\"doc\",\"content\":[]}"))).isTrue();
    }

    @Test
    void otherNodesAreNotDocuments() {
        assertThat(Adf.isDocument(null)).isFalse();
        assertThat(Adf.isDocument(TextNode.valueOf("doc"))).isFalse();
        assertThat(Adf.isDocument(json("{\"type\":\"doc\"}"))).isFalse();
        assertThat(Adf.isDocument(json("{\"type\":\"doc\",\"content\":\"text\"}"))).isFalse();
        assertThat(Adf.isDocument(json("{\"type\":\"paragraph\",\"content\":[]}"))).isFalse();
        assertThat(Adf.isDocument(json("[{\"type\":\"doc\",\"content\":[]}]"))).isFalse();
    }

    private static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
