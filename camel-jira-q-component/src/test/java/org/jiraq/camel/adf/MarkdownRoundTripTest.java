package org.jiraq.camel.adf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRoundTripTest {

    @Test
    void realisticDescriptionKeepsItsWordsAndShapeThroughAdf() {
        String markdown = """
                ## Problem

                Saving a **draft** fails with `HTTP 500` when the title
                contains an emoji. Reported by support in [SUP-42](https://example.atlassian.net/browse/SUP-42).

                ### Steps to reproduce

                1. Open *Drafts*
                2. Create a draft titled "Release 🚀"
                   - with an attachment
                   - without labels
                3. Press **Save**

                ```text
                java.lang.IllegalStateException: bad surrogate
                    at Drafts.save(Drafts.java:42)
                ```

                > Expected: the draft is saved.

                ---

                Workaround: remove the emoji.
                """;

        ObjectNode adf = MarkdownToAdf.convert(markdown);

        assertThat(Adf.isDocument(adf)).isTrue();
        assertThat(AdfToText.convert(adf)).isEqualTo("""
                Problem

                Saving a draft fails with HTTP 500 when the title
                contains an emoji. Reported by support in SUP-42.

                Steps to reproduce

                1. Open Drafts
                2. Create a draft titled "Release 🚀"
                   - with an attachment
                   - without labels
                3. Press Save

                java.lang.IllegalStateException: bad surrogate
                    at Drafts.save(Drafts.java:42)

                > Expected: the draft is saved.

                ----

                Workaround: remove the emoji.""");
    }
}
