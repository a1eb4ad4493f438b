package org.jiraq.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jiraq.simulator.JiraSimulator;
import org.jiraq.simulator.SimulatorRateLimits;

/**
 * A 100,000-issue export at Jira's page-rate limit in a {@code -Xmx64m} JVM. The simulator holds the issues and limits
 * {@code POST /rest/api/3/search/jql} to {@code pageRate} pages per second; a child JVM exports every issue through
 * {@code jiraq:searchIssues} in stream mode ({@link ExportRun}), once with the next page fetched while the route works
 * on the current one (prefetchPages=1, the default) and once paging sequentially (prefetchPages=0, the baseline: the
 * next page is asked for only when the route is done with the current one), and, where Node is on the machine,
 * jira.js paging the same way a user writes it. Reports pages per second as a share of the limit, whether the small
 * heap held, and the heap retained after a full GC at the end against a tenth of the way in.
 * <p>
 * Options (system properties): issues (100000), pageSize (100), pageRate (50 pages/s), batchMillis (15), childHeap
 * (64m), rounds (7).
 */
public final class ExportBenchmark implements Benchmark {

    static final String PREFETCH = "jiraq stream, prefetchPages=1";
    static final String SEQUENTIAL = "jiraq stream, prefetchPages=0";
    static final String JIRA_JS = "jira.js sequential loop";
    private static final double GOAL_SHARE = 0.90;
    private static final double GOAL_GROWTH_MB = 4;
    private static final double MB = 1024 * 1024;

    /** One export: pages per second over the limit, heap figures in MB, and whether it was whole and held. */
    record Export(double shareOfLimit, double retainedGrowthMb, double peakHeapMb, boolean held) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f of the page rate, retained +%.1f MB, peak %.0f MB, %s",
                    shareOfLimit, retainedGrowthMb, peakHeapMb, held ? "whole" : "FAILED");
        }
    }

    @Override
    public String id() {
        return "export";
    }

    @Override
    public BenchmarkReport run(BenchmarkContext context) throws Exception {
        int issues = Integer.getInteger("issues", 100_000);
        int pageSize = Integer.getInteger("pageSize", 100);
        int pageRate = Integer.getInteger("pageRate", 50);
        long batchMillis = Long.getLong("batchMillis", 15);
        String heap = System.getProperty("childHeap", "64m");
        int rounds = Rounds.count();
        NodePeer.Result node = NodePeer.find(context);
        SimulatorRateLimits limits = SimulatorRateLimits.create().perEndpoint("POST", "/rest/api/3/search/jql", pageRate);
        Rounds<Export> measured = new Rounds<>();
        int pages = (issues + pageSize - 1) / pageSize;
        try (JiraSimulator sim = JiraSimulator.builder().checkContract(false).requestJournalLimit(1).feature(limits)
                .start()) {
            sim.state().seedIssues("OPS", issues);
            List<String> args = List.of(sim.baseUrl(), JiraSimulator.DEFAULT_USER, JiraSimulator.DEFAULT_API_TOKEN);
            measured.add(PREFETCH, r -> jiraq(args, 1, pageSize, batchMillis, issues, pages, pageRate, heap))
                    .add(SEQUENTIAL, r -> jiraq(args, 0, pageSize, batchMillis, issues, pages, pageRate, heap));
            if (node.peer() != null) {
                measured.add(JIRA_JS, r -> jiraJs(node.peer(), args, pageSize, batchMillis, issues, pages, pageRate));
            }
            measured.run(rounds);
        }
        List<Figure> figures = new ArrayList<>(List.of(
                new Figure("pages per second", "share of the page-rate limit",
                        measured.of(PREFETCH, Export::shareOfLimit), measured.of(SEQUENTIAL, Export::shareOfLimit),
                        SEQUENTIAL, Goal.valueAtLeast(GOAL_SHARE, "at least 0.90 of the page-rate limit")),
                new Figure("exports whole within -Xmx" + heap, "1 = held", measured.of(PREFETCH, e -> e.held() ? 1 : 0),
                        measured.of(SEQUENTIAL, e -> e.held() ? 1 : 0), SEQUENTIAL,
                        Goal.valueAtLeast(1, "-Xmx" + heap + " held in every round")),
                new Figure("heap retained at the end over a tenth of the way in", "MB",
                        measured.of(PREFETCH, Export::retainedGrowthMb), measured.of(SEQUENTIAL, Export::retainedGrowthMb),
                        SEQUENTIAL, Goal.valueAtMost(GOAL_GROWTH_MB, "constant memory: at most +4 MB"))));
        if (node.peer() != null) {
            figures.add(new Figure("pages per second against jira.js", "share of the page-rate limit",
                    measured.of(PREFETCH, Export::shareOfLimit), measured.of(JIRA_JS, Export::shareOfLimit),
                    JIRA_JS, null));
        }
        String peer = node.peer() != null ? "Where Node is on the machine, a third contender runs the same export with "
                + node.peer().describe() + " (`src/main/node/export.mjs`): the enhanced-search call page after page, "
                + "the same CSV line per issue and the same batch delay per page, a 429 waited out with jira.js's "
                + "`withRetry`; its heap is Node's own (not held to 64 MB)."
                : "jira.js: " + node.note() + ".";
        String details = """
                The simulator (contract checks off, in the suite's JVM) holds %,d issues and allows %d
                `POST /rest/api/3/search/jql` per second (a token bucket, Jira's burst limit, with its headers). In
                every round a child JVM started with `-Xmx%s -XX:+ExitOnOutOfMemoryError` exports all of them
                through `jiraq:searchIssues?searchMode=stream&pageSize=%d&fields=summary,status` and
                `split(body()).streaming()`: each issue becomes a CSV line, and after each page the route waits
                %d ms, a downstream batch write. Contenders: the stream with `prefetchPages=1` (the next page is
                fetched while the route works on the current one), and the baseline, the same with
                `prefetchPages=0` (a sequential paging loop: the next page is asked for only once the route is
                done). Each export must deliver every issue exactly once (a `BitSet` of keys) or counts as failed.
                The figure is pages per second over the limit; the retained heap is measured after a full GC a tenth
                of the way in and at the end, so a leak over the export shows as growth.

                With fetching and the batch write in turn, a page costs their sum; with prefetch it costs the
                larger of the two, so the pace is the limit's as long as the route keeps up with it. %s

                Options: `rounds`, `issues`, `pageSize`, `pageRate`, `batchMillis`, `childHeap`. Source:
                `ExportBenchmark`, `ExportRun`.
                """.formatted(issues, pageRate, heap, pageSize, batchMillis, peer);
        return new BenchmarkReport("Export of 100,000 issues at the page-rate limit", figures, details);
    }

    private static Export jiraq(List<String> site, int prefetch, int pageSize, long batchMillis, int issues, int pages,
                                int pageRate, String heap) throws Exception {
        List<String> args = new ArrayList<>(site);
        args.addAll(List.of(Integer.toString(prefetch), Integer.toString(pageSize), Long.toString(batchMillis),
                Integer.toString(issues)));
        ChildProcess child = ChildProcess.run(ChildProcess.java(ExportRun.class, heap, List.of(), args), 900);
        return export(child, issues, pages, pageRate);
    }

    private static Export jiraJs(NodePeer node, List<String> site, int pageSize, long batchMillis, int issues,
                                 int pages, int pageRate) throws Exception {
        List<String> args = new ArrayList<>(site);
        args.addAll(List.of(Integer.toString(pageSize), Long.toString(batchMillis)));
        return export(node.run("export.mjs", args, 900), issues, pages, pageRate);
    }

    private static Export export(ChildProcess child, int issues, int pages, int pageRate) {
        Map<String, String> report = child.report(ExportRun.REPORT_PREFIX).orElse(null);
        boolean whole = child.succeeded() && report != null && Long.parseLong(report.get("issues")) == issues
                        && Long.parseLong(report.get("distinct")) == issues;
        if (!whole) {
            System.out.println("export failed (exit " + child.exitCode() + "):\n" + child.output());
            return new Export(0, Double.POSITIVE_INFINITY, Double.NaN, false);
        }
        double seconds = Long.parseLong(report.get("nanos")) / 1e9;
        double growth = report.containsKey("retainedAtEnd")
                ? (Long.parseLong(report.get("retainedAtEnd")) - Long.parseLong(report.get("retainedAtTenth"))) / MB
                : Double.NaN;
        return new Export(pages / seconds / pageRate, growth, Long.parseLong(report.get("peakHeap")) / MB, true);
    }
}
