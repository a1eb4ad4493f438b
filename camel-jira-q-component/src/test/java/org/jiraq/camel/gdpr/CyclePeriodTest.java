package org.jiraq.camel.gdpr;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CyclePeriodTest {

    @ParameterizedTest
    @CsvSource({ "604800, PT168H", "3600, PT1H", "P7D, PT168H", "p7d, PT168H", "PT12H, PT12H", "P1W, PT168H",
                 "' 86400 ', PT24H" })
    void readsSecondsAndIso8601(String header, Duration expected) {
        assertThat(CyclePeriod.parse(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "0", "PT0S", "-PT1H", "P1M", "seven days", "7d" })
    void ignoresWhatItCannotReadOrIsNotPositive(String header) {
        assertThat(CyclePeriod.parse(header)).isNull();
    }
}
