package org.wwan4j.agent.linux;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a stream of kernel records into the events worth acting on: one event per incident, not one per line.
 *
 * <ul>
 *   <li>A warning block ({@code ------------[ cut here ]------------} ... {@code ---[ end trace ... ]---}) yields
 *       at most its first recognised event: the NETDEV WATCHDOG line, not the fifty lines of stack after it.</li>
 *   <li>The same incident (kind and subject) repeating within {@link #REPEAT_WINDOW_MICROS} of kernel time is
 *       counted, not reported: a dying modem logs "nonzero urb status received: -71" hundreds of times a second,
 *       and a soft lockup is reported again every 20-odd seconds while it lasts. The next report after the
 *       window carries the count.</li>
 * </ul>
 * Not thread-safe: one watcher thread feeds it.
 */
public final class KernelEventFilter {

    public static final long REPEAT_WINDOW_MICROS = 60_000_000L;
    /** A block whose end marker was lost (ring overrun) must not silence the log for ever. */
    static final int MAX_BLOCK_RECORDS = 300;
    /** Distinct incidents remembered for folding; the oldest is forgotten first. */
    static final int MAX_TRACKED_INCIDENTS = 64;

    private static final String BLOCK_START = "------------[ cut here ]------------";
    private static final String BLOCK_END = "---[ end trace";

    private final Map<Incident, Window> windows = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Incident, Window> eldest) {
            return size() > MAX_TRACKED_INCIDENTS;
        }
    };
    private boolean inBlock;
    private boolean blockReported;
    private int blockRecords;

    public Optional<KernelEvent> accept(KmsgRecord record) {
        String text = record.message().strip();
        if (text.equals(BLOCK_START)) {
            openBlock();
            return Optional.empty();
        }
        if (inBlock && (text.startsWith(BLOCK_END) || ++blockRecords > MAX_BLOCK_RECORDS)) {
            inBlock = false;
            return Optional.empty();
        }
        Optional<KernelEvent> recognised = KernelSignatures.recognise(record);
        if (recognised.isEmpty()) {
            return recognised;
        }
        if (inBlock) {
            if (blockReported) {
                return Optional.empty();
            }
            blockReported = true;
        }
        return fold(recognised.get());
    }

    private void openBlock() {
        inBlock = true;
        blockReported = false;
        blockRecords = 0;
    }

    private Optional<KernelEvent> fold(KernelEvent event) {
        Incident incident = new Incident(event.kind(), event.interfaceName(), event.usbAddress(), event.device());
        Window window = windows.get(incident);
        if (window != null && event.timestampMicros() - window.startMicros < REPEAT_WINDOW_MICROS
                && event.timestampMicros() >= window.startMicros) {
            window.folded++;
            return Optional.empty();
        }
        int folded = window == null ? 0 : window.folded;
        windows.put(incident, new Window(event.timestampMicros()));
        return Optional.of(event.withRepeats(folded));
    }

    private record Incident(KernelEvent.Kind kind, String interfaceName, String usbAddress, String device) {
        Incident {
            Objects.requireNonNull(kind);
        }
    }

    private static final class Window {
        final long startMicros;
        int folded;

        Window(long startMicros) {
            this.startMicros = startMicros;
        }
    }
}
