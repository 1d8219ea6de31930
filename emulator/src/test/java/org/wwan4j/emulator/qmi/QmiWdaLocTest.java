package org.wwan4j.emulator.qmi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.wwan4j.emulator.EmulatedModemExtension;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;

/** WDA data format and LOC position reports as qmicli 1.32 sees them. */
@Timeout(60)
@Tag("slow")
class QmiWdaLocTest {

    // A fast clock so position reports come several times within one short qmicli run.
    @RegisterExtension
    final EmulatedModemExtension emulator = EmulatedModemExtension.of(EmulatedProtocol.QMI, EmulatorOptions.defaults()
            .withTickInterval(java.time.Duration.ofMillis(200)));
    private final Qmicli qmicli = Qmicli.on(emulator::path);

    @Test
    void dataFormatIsReported() {
        String format = qmicli.ok("--wda-get-data-format").stdout();
        assertTrue(format.contains("Link layer protocol: '802-3'"), format);
        assertTrue(format.contains("Downlink data aggregation protocol: 'disabled'"), format);
        qmicli.ok("--wda-set-data-format=link-layer-protocol=raw-ip,ul-protocol=qmap,dl-protocol=qmap");
        String changed = qmicli.ok("--wda-get-data-format").stdout();
        assertTrue(changed.contains("Link layer protocol: 'raw-ip'"), changed);
        assertTrue(changed.contains("Downlink data aggregation protocol: 'qmap'"), changed);
    }

    @Test
    void positionReportsFollowTheStartedSession() {
        qmicli.ok("--loc-start", "--loc-session-id=7");
        assertTrue(emulator.state().locationActive());
        Qmicli.Result one = qmicli.ok("--loc-get-position-report");
        assertTrue(one.stdout().contains("[position report] status: success"), one::toString);
        double latitude = Double.parseDouble(find(one, "latitude:\\s+([0-9.]+) degrees"));
        // The fix drifts a little with every report; it stays near the state's position.
        assertTrue(Math.abs(latitude - emulator.state().position().latitude()) < 0.01, one::toString);

        Qmicli.Result follow = Qmicli.runFor(3, emulator.path(), "--loc-follow-position-report");
        int reports = follow.stdout().split("\\[position report\\] status: success", -1).length - 1;
        assertTrue(reports >= 2, () -> "expected a stream of reports, got " + reports + "\n" + follow);
    }

    private static String find(Qmicli.Result result, String regex) {
        Matcher m = Pattern.compile(regex).matcher(result.stdout());
        assertTrue(m.find(), () -> regex + " not in\n" + result);
        return m.group(1);
    }
}
