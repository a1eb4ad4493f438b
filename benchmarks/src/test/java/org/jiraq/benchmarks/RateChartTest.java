package org.jiraq.benchmarks;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rate chart: a CSV of per-second counts in, a well-formed SVG with one line per series out. */
class RateChartTest {

    private final List<RateChart.Second> run = List.of(
            new RateChart.Second(0, 95, 0, 100),
            new RateChart.Second(1, 100, 12, 100),
            new RateChart.Second(2, 60, 40, 50),
            new RateChart.Second(3, 50, 0, 50));

    @Test
    void csvRoundTripsAndBecomesAnSvgWithSuccessesRateLimitedAndTheLimit(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rate-limit.csv");
        Path svg = dir.resolve("rate-limit.svg");
        RateChart.writeCsv(run, csv);
        assertThat(RateChart.readCsv(csv)).isEqualTo(run);

        RateChart.writeSvg(csv, svg, "Rate limit <burst>");

        Document doc = parse(Files.readString(svg));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(points(doc, "successes")).hasSize(4);
        assertThat(points(doc, "rate-limited")).hasSize(4);
        assertThat(points(doc, "limit")).as("the limit drops as a step: one extra corner").hasSize(5);
        assertThat(Files.readString(svg)).contains("Rate limit &lt;burst&gt;").contains("429 answers / s");
    }

    @Test
    void higherRatesAreDrawnHigherAndLaterSecondsFurtherRight() throws Exception {
        String[] successes = points(parse(RateChart.svg(run, "t")), "successes");

        double[] first = xy(successes[0]);
        double[] second = xy(successes[1]);
        double[] third = xy(successes[2]);
        assertThat(second[0]).isGreaterThan(first[0]);
        assertThat(second[1]).as("100/s is above 95/s (SVG y grows downwards)").isLessThan(first[1]);
        assertThat(third[1]).isGreaterThan(second[1]);
    }

    @Test
    void aCsvWithoutTheHeaderIsRefusedWithTheExpectedHeader(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "0,1,2,3\n");

        assertThatThrownBy(() -> RateChart.readCsv(csv)).hasMessageContaining(RateChart.CSV_HEADER);
    }

    @Test
    void axisStepsAreRoundNumbers() {
        assertThat(RateChart.niceCeiling(87)).isEqualTo(100);
        assertThat(RateChart.niceCeiling(130)).isEqualTo(200);
        assertThat(RateChart.niceCeiling(3.2)).isEqualTo(5);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static String[] points(Document doc, String series) {
        NodeList lines = doc.getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (series.equals(line.getAttribute("class"))) {
                return line.getAttribute("points").split(" ");
            }
        }
        throw new AssertionError("no polyline " + series);
    }

    private static double[] xy(String point) {
        String[] parts = point.split(",");
        return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]) };
    }
}
