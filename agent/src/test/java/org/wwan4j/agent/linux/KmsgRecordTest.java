package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KmsgRecordTest {

    @Test
    void aDeviceRecordWithItsDictionary() {
        KmsgRecord record = KmsgRecord.parse("6,3007,1000000600,-;usb 1-1.4: USB disconnect, device number 5\n"
                + " SUBSYSTEM=usb\n DEVICE=c189:4\n").orElseThrow();
        assertEquals(6, record.priority());
        assertEquals(6, record.level());
        assertEquals(3007, record.sequence());
        assertEquals(1_000_000_600L, record.timestampMicros());
        assertEquals("usb 1-1.4: USB disconnect, device number 5", record.message());
        assertEquals(Map.of("SUBSYSTEM", "usb", "DEVICE", "c189:4"), record.properties());
    }

    @Test
    void facilityBitsAreKeptAndTheLevelSplitOff() {
        KmsgRecord record = KmsgRecord.parse("30,7,1,c;systemd[1]: started").orElseThrow();
        assertEquals(30, record.priority());
        assertEquals(6, record.level());
    }

    @Test
    void kernelEscapesAreDecoded() {
        assertEquals("a\tb\\c", KmsgRecord.parse("6,1,1,-;a\\x09b\\x5cc").orElseThrow().message());
        assertEquals("ends with \\x", KmsgRecord.unescape("ends with \\x"));
    }

    @Test
    void dmesgLinesCanBeReplayed() {
        KmsgRecord record = KmsgRecord.parse("[  803.512346] NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out")
                .orElseThrow();
        assertEquals(803_512_346L, record.timestampMicros());
        assertEquals("NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out", record.message());
    }

    @Test
    void aLoneContinuationLineIsNoRecord() {
        assertTrue(KmsgRecord.parse(" SUBSYSTEM=usb").isEmpty());
        assertTrue(KmsgRecord.parse("").isEmpty());
    }

    @Test
    void theAssemblerJoinsContinuationLines() {
        List<KmsgRecord> records = KernelTraces.records(KernelTraces.USB_TROUBLE);
        assertEquals(8, records.size());
        assertEquals(Map.of("SUBSYSTEM", "usb", "DEVICE", "c189:4"), records.get(6).properties());
    }
}
