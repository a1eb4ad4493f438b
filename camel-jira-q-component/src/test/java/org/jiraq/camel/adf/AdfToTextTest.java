package org.jiraq.camel.adf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdfToTextTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void paragraphsAreSeparatedByBlankLinesAndHardBreaksByNewlines() {
        assertThat(text("""
                [{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Summary"}]},
                 {"type":"paragraph","content":[
                   {"type":"text","text":"Hello "},{"type":"text","text":"world","marks":[{"type":"strong"}]},
                   {"type":"hardBreak"},{"type":"text","text":"second line"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"Bye"}]}]"""))
                .isEqualTo("Summary\n\nHello world\nsecond line\n\nBye");
    }

    @Test
    void listItemsGetDashesOrNumbersAndNestedContentIsIndented() {
        assertThat(text("""
                [{"type":"bulletList","content":[
                   {"type":"listItem","content":[
                     {"type":"paragraph","content":[{"type":"text","text":"one"}]},
                     {"type":"orderedList","content":[
                       {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"first"}]}]},
                       {"type":"listItem","content":[{"type":"paragraph","content":[
                         {"type":"text","text":"second"},{"type":"hardBreak"},{"type":"text","text":"continued"}]}]}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"two"}]}]}]},
                 {"type":"orderedList","attrs":{"order":9},"content":[
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"nine"}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"ten"}]}]}]}]"""))
                .isEqualTo("""
                        - one
                          1. first
                          2. second
                             continued
                        - two

                        9. nine
                        10. ten""");
    }

    @Test
    void codeBlocksAreVerbatim() {
        assertThat(text("""
                [{"type":"codeBlock","attrs":{"language":"java"},"content":[
                   {"type":"text","text":"if (a) {\\n    b();\\n}"}]}]"""))
                .isEqualTo("if (a) {\n    b();\n}");
    }

    @Test
    void blockquoteLinesArePrefixedAndRuleIsDrawn() {
        assertThat(text("""
                [{"type":"blockquote","content":[
                   {"type":"paragraph","content":[{"type":"text","text":"quoted"}]},
                   {"type":"paragraph","content":[{"type":"text","text":"again"}]}]},
                 {"type":"rule"},
                 {"type":"paragraph","content":[{"type":"text","text":"after"}]}]"""))
                .isEqualTo("> quoted\n>\n> again\n\n----\n\nafter");
    }

    @Test
    void mentionsEmojisCardsStatusesAndDatesBecomeReadableText() {
        assertThat(text("""
                [{"type":"paragraph","content":[
                   {"type":"mention","attrs":{"id":"5b10a2844c20165700ede21g","text":"@Jane Doe","accessLevel":""}},
                   {"type":"text","text":" and "},
                   {"type":"mention","attrs":{"id":"abc","displayName":"John Roe"}},
                   {"type":"text","text":" "},
                   {"type":"emoji","attrs":{"shortName":":smile:","id":"1f604","text":"😄"}},
                   {"type":"text","text":" see "},
                   {"type":"inlineCard","attrs":{"url":"https://example.atlassian.net/browse/KEY-1"}},
                   {"type":"text","text":" "},
                   {"type":"status","attrs":{"text":"IN PROGRESS","color":"blue"}},
                   {"type":"text","text":" due "},
                   {"type":"date","attrs":{"timestamp":"1767225600000"}}]}]"""))
                .isEqualTo("@Jane Doe and @John Roe :smile: see https://example.atlassian.net/browse/KEY-1 "
                           + "IN PROGRESS due 2026-01-01");
    }

    @Test
    void unknownNodesContributeTheirContent() {
        assertThat(text("""
                [{"type":"panel","attrs":{"panelType":"info"},"content":[
                   {"type":"paragraph","content":[{"type":"text","text":"in a panel"}]}]},
                 {"type":"expand","attrs":{"title":"More"},"content":[
                   {"type":"paragraph","content":[{"type":"text","text":"hidden"}]}]},
                 {"type":"mediaSingle","content":[{"type":"media","attrs":{"id":"x","type":"file","collection":""}}]},
                 {"type":"futureBlock","content":[{"type":"futureInline","content":[{"type":"text","text":"new"}]}]}]"""))
                .isEqualTo("in a panel\n\nhidden\n\nnew");
    }

    @Test
    void tablesBecomeOneLinePerRow() {
        assertThat(text("""
                [{"type":"table","content":[
                   {"type":"tableRow","content":[
                     {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Key"}]}]},
                     {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Status"}]}]}]},
                   {"type":"tableRow","content":[
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"KEY-1"}]}]},
                     {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"Done"}]}]}]}]}]"""))
                .isEqualTo("Key | Status\nKEY-1 | Done");
    }

    @Test
    void taskItemsShowTheirState() {
        assertThat(text("""
                [{"type":"taskList","attrs":{"localId":"l"},"content":[
                   {"type":"taskItem","attrs":{"localId":"a","state":"DONE"},"content":[{"type":"text","text":"write"}]},
                   {"type":"taskItem","attrs":{"localId":"b","state":"TODO"},"content":[{"type":"text","text":"test"}]}]}]"""))
                .isEqualTo("[x] write\n[ ] test");
    }

    @Test
    void inputOtherThanADocumentIsTolerated() {
        assertThat(AdfToText.convert(TextNode.valueOf("already *text*"))).isEqualTo("already *text*");
        assertThat(AdfToText.convert(IntNode.valueOf(42))).isEqualTo("42");
        assertThat(AdfToText.convert(null)).isEmpty();
        assertThat(AdfToText.convert(NullNode.getInstance())).isEmpty();
        assertThat(AdfToText.convert(MissingNode.getInstance())).isEmpty();
        assertThat(AdfToText.convert(json("""
                {"type":"paragraph","content":[{"type":"text","text":"a lone paragraph"}]}""")))
                .isEqualTo("a lone paragraph");
        assertThat(AdfToText.convert(json("""
                [{"type":"paragraph","content":[{"type":"text","text":"one"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"two"}]}]""")))
                .isEqualTo("one\n\ntwo");
    }

    @Test
    void emptyDocumentGivesEmptyText() {
        assertThat(AdfToText.convert(json("""
                {"version":1,"type":"doc","content":[]}"""))).isEmpty();
    }

    /** Wraps the given block nodes in a document and converts it. */
    private static String text(String contentJson) {
        return AdfToText.convert(json("{\"version\":1,\"type\":\"doc\",\"content\":" + contentJson + "}"));
    }

    private static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
