package org.jiraq.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a benchmark puts what it produces.
 *
 * @param directory the benchmarks module directory, which holds RESULTS.md
 */
public record BenchmarkContext(Path directory) {

    static final String RESULTS_DIR = "results";

    /** A file under results/ (created if needed), e.g. a CSV of per-second counts or an SVG chart of them. */
    public Path resultFile(String name) {
        Path dir = directory.resolve(RESULTS_DIR);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve(name);
    }

    /** The path of a result file as RESULTS.md links it: {@code results/name}. */
    public String link(Path resultFile) {
        return directory.relativize(resultFile).toString().replace('\\', '/');
    }
}
