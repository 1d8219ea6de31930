package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.emulator.model.Position;

/** WDA data format and LOC position reports. */
@Timeout(120)
class QmiWdaLocApiTest extends EmulatorFixture {

    @Test
    void dataFormatIsReported() {
        ClientWda wda = Await.result(device.wda());
        assertEquals(WdaLinkLayerProtocol._802_3, Await.result(wda.getDataFormat()).linkLayerProtocol().constant());
    }

    @Test
    void startedLocationSessionReportsPositions() throws InterruptedException {
        ClientLoc loc = Await.result(device.loc());
        LinkedBlockingQueue<ClientLoc.PositionReportIndication> reports = new LinkedBlockingQueue<>();
        try (QmiSubscription s = loc.onPositionReport(reports::add)) {
            Await.result(loc.registerEvents(new ClientLoc.RegisterEventsInput()
                    .eventRegistrationMask(EnumSet.of(LocEventRegistrationFlag.POSITION_REPORT))));
            Await.result(loc.start(new ClientLoc.StartInput().sessionId(7)));
            Position where = new Position(48.137154, 11.576124, 519.0, 4.0, 6.0, Instant.parse("2026-02-01T12:00:00Z"));
            modem.state().setPosition(where);
            ClientLoc.PositionReportIndication report = reports.poll(30, TimeUnit.SECONDS);
            assertEquals(where.latitude(), report.latitude(), 1e-9);
            assertEquals(where.longitude(), report.longitude(), 1e-9);
            assertEquals(7, report.sessionId());
        }
    }
}
