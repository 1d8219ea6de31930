package org.wwan4j.emulator.qmi;

import java.util.concurrent.ScheduledExecutorService;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.fault.ActiveFaults;
import org.wwan4j.emulator.model.ModemState;

/** What every QMI service works with, and what the firmware it emulates does not know. */
record QmiContext(ModemState state, ActiveFaults faults, EmulatorStatistics statistics, EmulatedClientIds clients,
                  QmiIndications indications, ScheduledExecutorService scheduler, QmiFirmwareRefusals firmware) {
}
