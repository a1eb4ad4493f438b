package org.jiraq.camel.adf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownToAdfTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void plainTextBecomesParagraphsWithLineBreaksKept() {
        assertConverts("First line\nsecond line\n\nNext paragraph", """
                [{"type":"paragraph","content":[
                   {"type":"text","text":"First line"},{"type":"hardBreak"},{"type":"text","text":"second line"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"Next paragraph"}]}]""");
    }

    @Test
    void documentCarriesVersionAndType() {
        assertThat(MarkdownToAdf.convert("Hello world")).isEqualTo(json("""
                {"version":1,"type":"doc","content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Hello world"}]}]}"""));
    }

    @Test
    void nullOrBlankInputGivesEmptyDocument() {
        JsonNode empty = json("""
                {"version":1,"type":"doc","content":[]}""");
        assertThat(MarkdownToAdf.convert(null)).isEqualTo(empty);
        assertThat(MarkdownToAdf.convert("")).isEqualTo(empty);
        assertThat(MarkdownToAdf.convert("  \n\t\n")).isEqualTo(empty);
    }

    @Test
    void headingsAndNestedListsBecomeAdfBlocks() {
        assertConverts("""
                # Title
                ###### Small print

                - one
                  - nested
                - two

                3. three
                4. four
                """, """
                [{"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Title"}]},
                 {"type":"heading","attrs":{"level":6},"content":[{"type":"text","text":"Small print"}]},
                 {"type":"bulletList","content":[
                   {"type":"listItem","content":[
                     {"type":"paragraph","content":[{"type":"text","text":"one"}]},
                     {"type":"bulletList","content":[
                       {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"nested"}]}]}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"two"}]}]}]},
                 {"type":"orderedList","attrs":{"order":3},"content":[
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"three"}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"four"}]}]}]}]""");
    }

    @Test
    void orderedListStartingAtOneHasNoOrderAttribute() {
        assertConverts("1. first\n2. second", """
                [{"type":"orderedList","content":[
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"first"}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"second"}]}]}]}]""");
    }

    @Test
    void setextHeadingsBecomeHeadings() {
        assertConverts("Overview\n========\n\nDetails\n-------", """
                [{"type":"heading","attrs":{"level":1},"content":[{"type":"text","text":"Overview"}]},
                 {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Details"}]}]""");
    }

    @Test
    void fencedCodeBlockKeepsLanguageAndUnformattedText() {
        assertConverts("""
                ```java title="Example.java"
                int x = 1; // **not bold**

                return x;
                ```
                """, """
                [{"type":"codeBlock","attrs":{"language":"java"},"content":[
                   {"type":"text","text":"int x = 1; // **not bold**\\n\\nreturn x;"}]}]""");
    }

    @Test
    void indentedAndUnlabelledCodeBlocksHaveNoLanguage() {
        assertConverts("Run:\n\n    mvn test\n    mvn verify\n\n```\nplain\n```", """
                [{"type":"paragraph","content":[{"type":"text","text":"Run:"}]},
                 {"type":"codeBlock","content":[{"type":"text","text":"mvn test\\nmvn verify"}]},
                 {"type":"codeBlock","content":[{"type":"text","text":"plain"}]}]""");
    }

    @Test
    void emptyCodeBlockHasNoTextNode() {
        assertConverts("```sh\n```", """
                [{"type":"codeBlock","attrs":{"language":"sh"},"content":[]}]""");
    }

    @Test
    void blockQuoteAndThematicBreakBecomeBlockquoteAndRule() {
        assertConverts("> quoted **text**\n> - item\n\n---\n\nafter", """
                [{"type":"blockquote","content":[
                   {"type":"paragraph","content":[
                     {"type":"text","text":"quoted "},{"type":"text","text":"text","marks":[{"type":"strong"}]}]},
                   {"type":"bulletList","content":[
                     {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"item"}]}]}]}]},
                 {"type":"rule"},
                 {"type":"paragraph","content":[{"type":"text","text":"after"}]}]""");
    }

    @Test
    void emphasisCodeAndLinksBecomeMarks() {
        assertConverts("Some **bold**, *italic*, `code` and [a link](https://example.com \"Example\").", """
                [{"type":"paragraph","content":[
                   {"type":"text","text":"Some "},
                   {"type":"text","text":"bold","marks":[{"type":"strong"}]},
                   {"type":"text","text":", "},
                   {"type":"text","text":"italic","marks":[{"type":"em"}]},
                   {"type":"text","text":", "},
                   {"type":"text","text":"code","marks":[{"type":"code"}]},
                   {"type":"text","text":" and "},
                   {"type":"text","text":"a link","marks":[{"type":"link","attrs":{"href":"https://example.com","title":"Example"}}]},
                   {"type":"text","text":"."}]}]""");
    }

    @Test
    void nestedEmphasisCombinesMarksWithoutRepeatingThem() {
        assertConverts("***both*** and **a **b** c**", """
                [{"type":"paragraph","content":[
                   {"type":"text","text":"both","marks":[{"type":"em"},{"type":"strong"}]},
                   {"type":"text","text":" and "},
                   {"type":"text","text":"a b c","marks":[{"type":"strong"}]}]}]""");
    }

    @Test
    void inlineCodeKeepsOnlyALinkMarkBesideCode() {
        assertConverts("**bold `code`** [`call()`](https://example.com/api)", """
                [{"type":"paragraph","content":[
                   {"type":"text","text":"bold ","marks":[{"type":"strong"}]},
                   {"type":"text","text":"code","marks":[{"type":"code"}]},
                   {"type":"text","text":" "},
                   {"type":"text","text":"call()","marks":[
                     {"type":"link","attrs":{"href":"https://example.com/api"}},{"type":"code"}]}]}]""");
    }

    @Test
    void referenceLinksResolveAndTheirDefinitionsLeaveNoBlock() {
        assertConverts("See [the docs][1].\n\n[1]: https://example.com/docs", """
                [{"type":"paragraph","content":[
                   {"type":"text","text":"See "},
                   {"type":"text","text":"the docs","marks":[{"type":"link","attrs":{"href":"https://example.com/docs"}}]},
                   {"type":"text","text":"."}]}]""");
    }

    @Test
    void linkWithoutDestinationStaysPlainText() {
        assertConverts("[nowhere]()", """
                [{"type":"paragraph","content":[{"type":"text","text":"nowhere"}]}]""");
    }

    @Test
    void imagesBecomeLinksLabelledByAltTextOrUrl() {
        assertConverts("![diagram](https://example.com/d.png) ![](https://example.com/e.png)", """
                [{"type":"paragraph","content":[
                   {"type":"text","text":"diagram","marks":[{"type":"link","attrs":{"href":"https://example.com/d.png"}}]},
                   {"type":"text","text":" "},
                   {"type":"text","text":"https://example.com/e.png",
                    "marks":[{"type":"link","attrs":{"href":"https://example.com/e.png"}}]}]}]""");
    }

    @Test
    void hardAndSoftLineBreaksBecomeHardBreaks() {
        assertConverts("two spaces  \nbackslash\\\nsoft\nend", """
                [{"type":"paragraph","content":[
                   {"type":"text","text":"two spaces"},{"type":"hardBreak"},
                   {"type":"text","text":"backslash"},{"type":"hardBreak"},
                   {"type":"text","text":"soft"},{"type":"hardBreak"},
                   {"type":"text","text":"end"}]}]""");
    }

    @Test
    void strikethroughIsNotCoreCommonMarkAndStaysLiteral() {
        assertConverts("~~gone~~", """
                [{"type":"paragraph","content":[{"type":"text","text":"~~gone~~"}]}]""");
    }

    @Test
    void htmlIsKeptAsLiteralText() {
        assertConverts("<div>\nhello\n</div>\n\na <b>b</b> c", """
                [{"type":"paragraph","content":[
                   {"type":"text","text":"<div>"},{"type":"hardBreak"},
                   {"type":"text","text":"hello"},{"type":"hardBreak"},
                   {"type":"text","text":"</div>"}]},
                 {"type":"paragraph","content":[{"type":"text","text":"a <b>b</b> c"}]}]""");
    }

    @Test
    void listItemsAreReshapedToWhatAdfAllowsInThem() {
        // ADF list items take no headings, quotes or rules, must not be empty and must not open with a list
        assertConverts("- # Heading\n-\n- - nested\n- > quoted\n- ***", """
                [{"type":"bulletList","content":[
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"Heading"}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[]}]},
                   {"type":"listItem","content":[
                     {"type":"paragraph","content":[]},
                     {"type":"bulletList","content":[
                       {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"nested"}]}]}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"quoted"}]}]},
                   {"type":"listItem","content":[{"type":"paragraph","content":[]}]}]}]""");
    }

    @Test
    void blockquotesAreReshapedToWhatAdfAllowsInThem() {
        assertConverts("> # Title\n> ***\n> > inner\n>\n> text", """
                [{"type":"blockquote","content":[
                   {"type":"paragraph","content":[{"type":"text","text":"Title"}]},
                   {"type":"paragraph","content":[{"type":"text","text":"inner"}]},
                   {"type":"paragraph","content":[{"type":"text","text":"text"}]}]}]""");
    }

    private static void assertConverts(String markdown, String expectedContent) {
        assertThat(MarkdownToAdf.convert(markdown).get("content")).isEqualTo(json(expectedContent));
    }

    private static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
