package org.wwan4j.bench.indication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CBaselineIndicationsTest {

    @Test
    void readsTheMonotonicTimestampOfAnIndicationLine() {
        assertEquals(2_841_503_226_118L, CBaselineIndications.parseIndicationNanos("{\"indication_ns\":2841503226118}"));
    }

    @Test
    void otherLinesAreNotIndications() {
        assertEquals(-1, CBaselineIndications.parseIndicationNanos("{\"ready\":true}"));
        assertEquals(-1, CBaselineIndications.parseIndicationNanos(
                "{\"client\":\"c\",\"protocol\":\"qmi\",\"request\":\"nas-get-signal-info\",\"count\":1}"));
    }
}
