package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.linux.KernelEvent.Kind;

class KernelEventFilterTest {

    @Test
    void aWatchdogWithItsStackTraceIsOneEvent() {
        List<KernelEvent> events = KernelTraces.events(KernelTraces.NETDEV_WATCHDOG);
        assertEquals(1, events.size(), events::toString);
        KernelEvent e = events.getFirst();
        assertEquals(Kind.NETDEV_WATCHDOG, e.kind());
        assertEquals("wwan0", e.interfaceName());
        assertEquals(803_512_346L, e.timestampMicros());
        assertEquals("NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out", e.message());
    }

    @Test
    void aLockupRepeatedWhileItLastsIsOneEvent() {
        List<KernelEvent> events = KernelTraces.events(KernelTraces.SOFT_LOCKUP);
        assertEquals(1, events.size(), events::toString);
        assertEquals("CPU#2", events.getFirst().device());
    }

    @Test
    void aFloodOfUrbErrorsIsFoldedPerInterfaceAndTheDisconnectKept() {
        List<KernelEvent> events = KernelTraces.events(KernelTraces.USB_TROUBLE);
        assertEquals(List.of("cdc_wdm 1-1.4:1.8: wdm_int_callback - 0 bytes",
                "cdc_wdm 2-1:1.12: nonzero urb status received: -71",
                "qmi_wwan 1-1.4:1.8 wwan0: kevent 12 may have been dropped",
                "usb 1-1.4: USB disconnect, device number 5"),
                events.stream().map(KernelEvent::message).toList());
        assertEquals(Kind.USB_DISCONNECT, events.getLast().kind());
    }

    @Test
    void theOtherSignaturesEachGiveOneEvent() {
        assertEquals(List.of(Kind.HUNG_TASK, Kind.RCU_STALL, Kind.DRIVER_ERROR, Kind.HARD_LOCKUP, Kind.NETDEV_WATCHDOG),
                KernelTraces.events(KernelTraces.OTHERS).stream().map(KernelEvent::kind).toList());
    }

    @Test
    void aRepeatAfterTheWindowIsReportedWithTheFoldedCount() {
        long second = 1_000_000L;
        String trace = "3,1,0,-;cdc_wdm 2-1:1.12: nonzero urb status received: -71\n"
                + "3,2," + second + ",-;cdc_wdm 2-1:1.12: nonzero urb status received: -71\n"
                + "3,3," + 2 * second + ",-;cdc_wdm 2-1:1.12: nonzero urb status received: -71\n"
                + "3,4," + (KernelEventFilter.REPEAT_WINDOW_MICROS + 1) + ",-;cdc_wdm 2-1:1.12: nonzero urb status received: -71\n";
        List<KernelEvent> events = KernelTraces.events(trace);
        assertEquals(List.of(0, 2), events.stream().map(KernelEvent::repeats).toList());
    }

    @Test
    void aCutHereBlockWithoutEndMarkerDoesNotSilenceTheLogForEver() {
        StringBuilder trace = new StringBuilder("4,1,1,-;------------[ cut here ]------------\n");
        for (int i = 0; i < KernelEventFilter.MAX_BLOCK_RECORDS + 5; i++) {
            trace.append("4,2,2,-; some_function+0x10/0x20\n");
        }
        trace.append("6,3,3,-;usb 1-1.4: USB disconnect, device number 5\n");
        assertEquals(List.of(Kind.USB_DISCONNECT), KernelTraces.events(trace.toString()).stream().map(KernelEvent::kind).toList());
    }
}
