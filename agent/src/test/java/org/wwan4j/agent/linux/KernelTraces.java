package org.wwan4j.agent.linux;

import java.util.ArrayList;
import java.util.List;

/**
 * Kernel log excerpts in /dev/kmsg format, written for these tests after the shape of real output (5.10 and 6.x
 * kernels on x86 edge boxes with Quectel and Sierra modems).
 */
final class KernelTraces {

    /** The seed's incident: a stalled MBIM data path, the watchdog line inside a cut-here block with its stack. */
    static final String NETDEV_WATCHDOG = """
            4,1201,803512345,-;------------[ cut here ]------------
            6,1202,803512346,-;NETDEV WATCHDOG: wwan0 (cdc_mbim): transmit queue 0 timed out
            4,1203,803512360,-;WARNING: CPU: 0 PID: 0 at net/sched/sch_generic.c:477 dev_watchdog+0x24c/0x250
            4,1204,803512361,-;Modules linked in: cdc_mbim cdc_wdm cdc_ncm usbnet mii qmi_wwan option usb_wwan usbserial wireguard
             SUBSYSTEM=net
             DEVICE=n5
            4,1205,803512362,-;CPU: 0 PID: 0 Comm: swapper/0 Not tainted 5.10.121-linuxkit #1
            4,1206,803512363,-;Hardware name: Advantech UNO-2271G-E2xAE/UNO-2271G-E2xAE, BIOS 5.0.1.5 02/20/2020
            4,1207,803512364,-;RIP: 0010:dev_watchdog+0x24c/0x250
            4,1208,803512365,-;Code: ff ff 48 8b 5c 24 08 c6 05 4d 7c 1e 01 01 48 89 df e8 5c b1 fa ff 44 89 e9 48 89 de 48 c7 c7 a0
            4,1209,803512366,-;RSP: 0018:ffffb00b40003e88 EFLAGS: 00010286
            4,1210,803512367,-;RAX: 0000000000000000 RBX: ffff9a3a0c6d8000 RCX: 0000000000000000
            4,1211,803512368,-;Call Trace:
            4,1212,803512369,-; <IRQ>
            4,1213,803512370,-; ? pfifo_fast_enqueue+0x160/0x160
            4,1214,803512371,-; call_timer_fn+0x29/0xf0
            4,1215,803512372,-; __run_timers.part.0+0x1d7/0x240
            4,1216,803512373,-; run_timer_softirq+0x26/0x50
            4,1217,803512374,-; __do_softirq+0xca/0x281
            4,1218,803512375,-; asm_call_irq_on_stack+0x12/0x20
            4,1219,803512376,-; </IRQ>
            4,1220,803512377,-; do_softirq_own_stack+0x37/0x50
            4,1221,803512378,-; irq_exit_rcu+0x92/0xc0
            4,1222,803512379,-; sysvec_apic_timer_interrupt+0x36/0x80
            4,1223,803512380,-; asm_sysvec_apic_timer_interrupt+0x12/0x20
            4,1224,803512381,-;RIP: 0010:cpuidle_enter_state+0xc7/0x350
            4,1225,803512382,-;---[ end trace 2c6b5fd8b9de5c4b ]---
            """;

    /** A ksoftirqd storm: the lockup line, its register dump and stack, and the same lockup reported again. */
    static final String SOFT_LOCKUP = """
            0,2301,912000001,-;watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [ksoftirqd/2:22]
            4,2302,912000002,-;Modules linked in: qmi_wwan cdc_wdm usbnet option usb_wwan
            4,2303,912000003,-;CPU: 2 PID: 22 Comm: ksoftirqd/2 Tainted: G             L    5.10.121 #1
            4,2304,912000004,-;RIP: 0010:_raw_spin_unlock_irqrestore+0x14/0x20
            4,2305,912000005,-;Call Trace:
            4,2306,912000006,-; usb_hcd_giveback_urb+0x8d/0x110
            4,2307,912000007,-; xhci_irq+0x9ef/0x1c30 [xhci_hcd]
            4,2308,912000008,-; qmi_wwan_rx_fixup+0x5a/0x130 [qmi_wwan]
            4,2309,912000009,-; run_ksoftirqd+0x2b/0x40
            0,2310,940000001,-;watchdog: BUG: soft lockup - CPU#2 stuck for 49s! [ksoftirqd/2:22]
            """;

    /** A modem falling off the bus: control-port errors flooding, then the disconnect. */
    static final String USB_TROUBLE = """
            3,3001,1000000000,-;cdc_wdm 1-1.4:1.8: wdm_int_callback - 0 bytes
            3,3002,1000000100,-;cdc_wdm 2-1:1.12: nonzero urb status received: -71
            3,3003,1000000200,-;cdc_wdm 2-1:1.12: nonzero urb status received: -71
            3,3004,1000000300,-;cdc_wdm 2-1:1.12: nonzero urb status received: -71
            3,3005,1000000400,-;qmi_wwan 1-1.4:1.8 wwan0: kevent 12 may have been dropped
            6,3006,1000000500,-;qmi_wwan 1-1.4:1.8 wwan0: register 'qmi_wwan' at usb-0000:00:14.0-1.4, WWAN/QMI device, 0a:3e:5f:7c:91:22
            6,3007,1000000600,-;usb 1-1.4: USB disconnect, device number 5
             SUBSYSTEM=usb
             DEVICE=c189:4
            6,3008,1000000700,-;cdc_wdm 1-1.4:1.8: cdc-wdm0: USB WDM device
            """;

    static final String OTHERS = """
            3,4001,1200000000,-;INFO: task kworker/0:1:123 blocked for more than 120 seconds.
            3,4002,1200000001,-;      Not tainted 5.10.121 #1
            3,4003,1200000002,-;"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
            3,4004,1200000003,-;task:kworker/0:1     state:D stack:    0 pid:  123 ppid:     2 flags:0x00004000
            3,4005,1300000000,-;rcu: INFO: rcu_sched self-detected stall on CPU
            3,4006,1300000001,-;rcu: 	1-....: (5249 ticks this GP) idle=2b6/1/0x4000000000000002 softirq=10853/10853 fqs=2597
            3,4007,1400000000,-;mhi-pci-generic 0000:01:00.0: failed to resume device: -110
            6,4008,1400000001,-;mhi mhi0: Requested to power ON
            0,4009,1500000000,-;watchdog: Watchdog detected hard LOCKUP on cpu 3
            4,4010,1600000000,-;cdc_mbim 2-1:1.12 wwan1: NETDEV WATCHDOG: CPU: 1: transmit queue 0 timed out 5120 ms
            """;

    private KernelTraces() {
    }

    /** Splits a trace into records the way the watcher does. */
    static List<KmsgRecord> records(String trace) {
        List<KmsgRecord> out = new ArrayList<>();
        KmsgLineAssembler assembler = new KmsgLineAssembler(text -> KmsgRecord.parse(text).ifPresent(out::add));
        trace.lines().forEach(assembler::line);
        assembler.flush();
        return out;
    }

    static List<KernelEvent> events(String trace) {
        KernelEventFilter filter = new KernelEventFilter();
        List<KernelEvent> out = new ArrayList<>();
        for (KmsgRecord record : records(trace)) {
            filter.accept(record).ifPresent(out::add);
        }
        return out;
    }
}
