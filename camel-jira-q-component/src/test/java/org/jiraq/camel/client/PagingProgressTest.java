package org.jiraq.camel.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.logging.log4j.Level;
import org.jiraq.camel.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A paged walk reports at INFO once per interval and at its end when it took that long, else only at DEBUG. */
class PagingProgressTest {

    private static final String PAGINATOR = Paginator.class.getName();

    private final AtomicLong now = new AtomicLong();
    private final JiraqRequest search = JiraqRequest.post("/rest/api/3/search/jql").build();

    @Test
    void aShortWalkLogsEveryPageAtDebugOnly() {
        try (LogCapture logs = LogCapture.start()) {
            PagingProgress progress = new PagingProgress(search, now::get, Duration.ofSeconds(5));
            for (int page = 1; page <= 3; page++) {
                now.addAndGet(Duration.ofMillis(300).toNanos());
                progress.pageFetched(page, page * 50L, page == 3);
            }

            assertThat(logs.linesAt(Level.INFO)).isEmpty();
            assertThat(logs.text()).contains("Paging POST /rest/api/3/search/jql: page 3 fetched, 150 items so far, last page");
        }
    }

    @Test
    void aLongWalkLogsAtInfoOncePerIntervalAndWhenDone() {
        try (LogCapture logs = LogCapture.start()) {
            PagingProgress progress = new PagingProgress(search, now::get, Duration.ofSeconds(5));
            for (int page = 1; page <= 12; page++) {
                now.addAndGet(Duration.ofSeconds(1).toNanos());
                progress.pageFetched(page, page * 100L, page == 12);
            }

            assertThat(logs.linesAt(Level.INFO).stream().distinct()).containsExactly(
                    PAGINATOR + " Paging POST /rest/api/3/search/jql: 5 pages, 500 items so far in 5 s",
                    PAGINATOR + " Paging POST /rest/api/3/search/jql: 10 pages, 1000 items so far in 10 s",
                    PAGINATOR + " Paged POST /rest/api/3/search/jql: done, 12 pages, 1200 items in 12 s");
        }
    }
}
