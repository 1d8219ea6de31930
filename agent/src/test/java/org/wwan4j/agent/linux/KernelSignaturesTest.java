package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.linux.KernelEvent.Kind;
import org.wwan4j.agent.linux.KernelEvent.Severity;

class KernelSignaturesTest {

    private static Optional<KernelEvent> recognise(String message) {
        return KernelSignatures.recognise(new KmsgRecord(4, 1, 42, message, Map.of()));
    }

    @Test
    void netdevWatchdogNamesInterfaceAndDriver() {
        KernelEvent e = recognise("NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out").orElseThrow();
        assertEquals(Kind.NETDEV_WATCHDOG, e.kind());
        assertEquals(Severity.ERROR, e.severity());
        assertEquals("wwan0", e.interfaceName());
        assertEquals("cdc_mbim", e.driver());
        assertNull(e.usbAddress());
        assertEquals(42, e.timestampMicros());
    }

    @Test
    void theNewerNetdevWatchdogFormCarriesTheBusAddressToo() {
        KernelEvent e = recognise("cdc_mbim 2-1:1.12 wwan1: NETDEV WATCHDOG: CPU: 1: transmit queue 0 timed out 5120 ms")
                .orElseThrow();
        assertEquals("wwan1", e.interfaceName());
        assertEquals("cdc_mbim", e.driver());
        assertEquals("2-1:1.12", e.usbAddress());
        assertEquals("2-1", e.usbDevice());
    }

    @Test
    void controlPortErrorsNameTheUsbInterface() {
        KernelEvent zero = recognise("cdc_wdm 1-1.4:1.8: wdm_int_callback - 0 bytes").orElseThrow();
        assertEquals(Kind.DRIVER_ERROR, zero.kind());
        assertEquals("cdc_wdm", zero.driver());
        assertEquals("1-1.4:1.8", zero.usbAddress());
        assertEquals("1-1.4", zero.usbDevice());
        KernelEvent urb = recognise("cdc_wdm 2-1:1.12: nonzero urb status received: -71").orElseThrow();
        assertEquals("2-1:1.12", urb.usbAddress());
        KernelEvent qmi = recognise("qmi_wwan 1-1.4:1.8 wwan0: kevent 12 may have been dropped").orElseThrow();
        assertEquals("wwan0", qmi.interfaceName());
        assertEquals("qmi_wwan", qmi.driver());
    }

    @Test
    void mhiErrorsNameThePciDevice() {
        KernelEvent e = recognise("mhi-pci-generic 0000:01:00.0: failed to resume device: -110").orElseThrow();
        assertEquals("0000:01:00.0", e.device());
        assertNull(e.usbAddress());
        assertEquals("mhi-pci-generic", e.driver());
    }

    @Test
    void informationalDriverMessagesAreNotEvents() {
        assertTrue(recognise("cdc_wdm 1-1.4:1.8: cdc-wdm0: USB WDM device").isEmpty());
        assertTrue(recognise("mhi mhi0: Requested to power ON").isEmpty());
        assertTrue(recognise("Modules linked in: cdc_mbim cdc_wdm qmi_wwan: error").isEmpty());
    }

    @Test
    void usbDisconnectNamesTheDevice() {
        KernelEvent e = recognise("usb 1-1.4: USB disconnect, device number 5").orElseThrow();
        assertEquals(Kind.USB_DISCONNECT, e.kind());
        assertEquals("1-1.4", e.usbAddress());
    }

    @Test
    void machineLevelTrouble() {
        KernelEvent soft = recognise("watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [ksoftirqd/2:22]").orElseThrow();
        assertEquals(Kind.SOFT_LOCKUP, soft.kind());
        assertEquals(Severity.CRITICAL, soft.severity());
        assertEquals("CPU#2", soft.device());
        KernelEvent hung = recognise("INFO: task kworker/0:1:123 blocked for more than 120 seconds.").orElseThrow();
        assertEquals(Kind.HUNG_TASK, hung.kind());
        assertEquals("kworker/0:1:123", hung.device());
        assertEquals(Kind.RCU_STALL, recognise("rcu: INFO: rcu_sched self-detected stall on CPU").orElseThrow().kind());
        assertEquals(Kind.RCU_STALL, recognise("INFO: rcu_preempt detected stalls on CPUs/tasks:").orElseThrow().kind());
        assertEquals(Kind.HARD_LOCKUP, recognise("watchdog: Watchdog detected hard LOCKUP on cpu 3").orElseThrow().kind());
    }

    @Test
    void ordinaryLinesAreIgnored() {
        assertTrue(recognise("usb 1-1.4: new high-speed USB device number 6 using xhci_hcd").isEmpty());
        assertTrue(recognise("WARNING: CPU: 0 PID: 0 at net/sched/sch_generic.c:477 dev_watchdog+0x24c/0x250").isEmpty());
    }
}
