package org.jiraq.samples.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's Markdown (README, ARCHITECTURE, CHANGELOG, the samples' READMEs) links to the documentation pages
 * that exist, and to anchors those pages define, so a page split or a renamed section cannot leave a dead link.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+\\.adoc)(?:#([\\w-]+))?\\)");

    @Test
    void everyMarkdownLinkToADocPageReachesThePageAndItsAnchor() throws IOException {
        List<String> dangling = new ArrayList<>();
        int links = 0;
        for (Path markdown : markdownFiles()) {
            Matcher link = LINK.matcher(Files.readString(markdown));
            while (link.find()) {
                links++;
                Path page = markdown.getParent().resolve(link.group(1)).normalize();
                String where = DocExamples.ROOT.relativize(markdown) + ": " + link.group();
                if (!Files.exists(page)) {
                    dangling.add(where + " names no page");
                } else if (link.group(2) != null && !Files.readString(page).contains("[#" + link.group(2) + "]")) {
                    dangling.add(where + ": the page has no anchor [#" + link.group(2) + "]");
                }
            }
        }
        assertThat(dangling).isEmpty();
        assertThat(links).as("links to the documentation pages").isPositive();
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(DocExamples.ROOT)) {
            return walk.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> DocExamples.ROOT.relativize(f).toString().split("/").length < 4)
                    .filter(f -> !DocExamples.ROOT.relativize(f).toString().matches("(.*/)?(target|node_modules|\\..*)/.*"))
                    .sorted().toList();
        }
    }
}
