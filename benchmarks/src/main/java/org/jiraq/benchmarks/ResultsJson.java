package org.jiraq.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * RESULTS.json: every figure of the last run of each benchmark, round by round, so RESULTS.md can be regenerated and
 * a later run compared with it. The summaries (medians, intervals, verdicts) are derived from the rounds on reading.
 */
final class ResultsJson {

    // a failed round may record an infinite figure; Jackson writes it as Infinity and reads it back only when allowed
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** The recorded outcomes; none when the file does not exist yet. */
    static List<BenchmarkSuite.Outcome> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return MAPPER.readValue(file.toFile(), new TypeReference<List<BenchmarkSuite.Outcome>>() {
        });
    }

    static void write(List<BenchmarkSuite.Outcome> outcomes, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), outcomes);
    }
}
