package org.jiraq.samples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code examples of README.md and of every page of the component documentation (the component page, its topic pages
 * and the platform pages), read from the files themselves, so a test runs exactly what a user copies. An example is a code block tagged just before it: {@code // example: <id>} in AsciiDoc,
 * {@code <!-- example: <id> -->} in Markdown. Blocks of output (logs, JSON answers) are not tagged and not examples.
 */
public final class DocExamples {

    /** The repository's root, from a module's directory (where Maven runs the tests). */
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path README = ROOT.resolve("README.md");
    public static final Path DOCS = ROOT.resolve("camel-jira-q-component/src/main/docs");

    /** What a reader would copy and run: code, configuration and commands; output blocks are other languages. */
    static final Set<String> RUNNABLE = Set.of("java", "yaml", "properties", "xml", "bash");

    private static final Pattern ADOC_TAG = Pattern.compile("^// example: ([a-z0-9-]+).*$");
    private static final Pattern ADOC_SOURCE = Pattern.compile("^\\[source,([a-z]+)\\]$");
    private static final Pattern MD_TAG = Pattern.compile("^<!-- example: ([a-z0-9-]+).*-->$");
    private static final Pattern MD_FENCE = Pattern.compile("^```([a-z]*)$");

    /** One example: its id, language, code, and where it stands. */
    public record Example(String id, String language, String code, Path file, int line) {

        @Override
        public String toString() {
            return id + " (" + ROOT.relativize(file) + ":" + line + ")";
        }
    }

    /** A runnable block without a tag: something a reader would copy that no test runs. */
    public record Untagged(String language, Path file, int line) {
    }

    private final Map<String, Example> examples = new LinkedHashMap<>();
    private final List<Untagged> untagged = new ArrayList<>();

    private DocExamples() {
    }

    /** README.md and every page under the component's src/main/docs. */
    public static DocExamples read() {
        DocExamples docs = new DocExamples();
        pages().forEach(docs::readAsciiDoc);
        docs.readMarkdown(README);
        return docs;
    }

    /** The AsciiDoc pages of the component documentation, in name order. */
    public static List<Path> pages() {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".adoc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example with this id; fails when the documentation has none. */
    public Example get(String id) {
        Example example = examples.get(id);
        if (example == null) {
            throw new IllegalArgumentException("No example '" + id + "' in README.md or the pages of " + ROOT.relativize(DOCS));
        }
        return example;
    }

    public Map<String, Example> all() {
        return examples;
    }

    public List<Untagged> untagged() {
        return untagged;
    }

    private void readAsciiDoc(Path file) {
        List<String> lines = lines(file);
        String tag = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher tagged = ADOC_TAG.matcher(lines.get(i));
            Matcher source = ADOC_SOURCE.matcher(lines.get(i));
            if (tagged.matches()) {
                tag = tagged.group(1);
            } else if (source.matches() && i + 1 < lines.size() && lines.get(i + 1).equals("----")) {
                int end = i + 2;
                while (!lines.get(end).equals("----")) {
                    end++;
                }
                add(tag, source.group(1), String.join("\n", lines.subList(i + 2, end)), file, i + 1);
                tag = null;
                i = end;
            } else if (!lines.get(i).isBlank()) {
                tag = null;
            }
        }
    }

    private void readMarkdown(Path file) {
        List<String> lines = lines(file);
        String tag = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher tagged = MD_TAG.matcher(lines.get(i));
            Matcher fence = MD_FENCE.matcher(lines.get(i));
            if (tagged.matches()) {
                tag = tagged.group(1);
            } else if (fence.matches()) {
                int end = i + 1;
                while (!lines.get(end).equals("```")) {
                    end++;
                }
                add(tag, fence.group(1), String.join("\n", lines.subList(i + 1, end)), file, i + 1);
                tag = null;
                i = end;
            } else if (!lines.get(i).isBlank()) {
                tag = null;
            }
        }
    }

    private void add(String tag, String language, String code, Path file, int line) {
        if (tag == null) {
            if (RUNNABLE.contains(language)) {
                untagged.add(new Untagged(language, file, line));
            }
            return;
        }
        if (examples.containsKey(tag)) {
            throw new IllegalStateException("Example id '" + tag + "' is used twice: " + examples.get(tag) + " and "
                                            + file.getFileName() + ":" + line);
        }
        examples.put(tag, new Example(tag, language, code, file, line));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
