package org.wwan4j.agent.view;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wwan4j.agent.daemon.AgentListener;
import org.wwan4j.agent.status.AgentStatus;

/**
 * A live status view for {@code wwan4j demo}: on a terminal, the table is redrawn in place once a second (ANSI
 * home + clear); otherwise each modem's line is printed when it changes, so a pipe or log file gets no repeats.
 * Feed it with {@link #update} or register it as an {@link AgentListener}.
 */
public final class StatusView implements AgentListener, AutoCloseable {

    public static final Duration REFRESH = Duration.ofSeconds(1);
    /** Cursor home, clear screen. */
    static final String CLEAR = "\033[H\033[2J";

    private final PrintStream out;
    private final boolean ansi;
    private final String title;
    private final ScheduledExecutorService timer;
    private volatile AgentStatus latest;
    private List<String> lastLines = List.of();

    /**
     * @param ansi redraw in place (a terminal); false prints changed lines only
     */
    public StatusView(PrintStream out, boolean ansi, String title) {
        this.out = out;
        this.ansi = ansi;
        this.title = title;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("status-view").daemon()
                .factory());
    }

    /** For stdout: ANSI only when it is a terminal. */
    public static StatusView forStdout(String title) {
        java.io.Console console = System.console();
        return new StatusView(System.out, console != null && console.isTerminal(), title);
    }

    /** Starts the once-a-second redraw (terminal mode); plain mode prints on each update instead. */
    public StatusView start() {
        if (ansi) {
            timer.scheduleAtFixedRate(this::redraw, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public void update(AgentStatus status) {
        latest = status;
        if (!ansi) {
            printChanges();
        }
    }

    @Override
    public void statusChanged(AgentStatus status) {
        update(status);
    }

    /** Draws the current table now (terminal mode). */
    void redraw() {
        AgentStatus status = latest;
        StringBuilder screen = new StringBuilder(CLEAR);
        screen.append(title).append("   ").append(status == null ? "waiting for status" : status.updated())
                .append(status != null && status.radioSilence() ? "   RADIO SILENCE" : "").append("\n\n");
        if (status != null) {
            if (status.configError() != null) {
                screen.append("config error: ").append(status.configError()).append("\n\n");
            }
            screen.append(StatusTable.table(status));
        }
        synchronized (out) {
            out.print(screen);
            out.flush();
        }
    }

    private synchronized void printChanges() {
        AgentStatus status = latest;
        if (status == null) {
            return;
        }
        List<String> lines = StatusTable.lines(status);
        for (String line : lines) {
            if (!lastLines.contains(line)) {
                out.println(status.updated() + " " + line);
            }
        }
        out.flush();
        lastLines = lines;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
