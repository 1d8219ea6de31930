package org.wwan4j.qmi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorOptions;
import org.wwan4j.emulator.EmulatedProtocol;

/** A fresh emulated modem and an open device per test. */
abstract class EmulatorFixture {

    protected EmulatedModem modem;
    protected QmiDevice device;

    /** Subclasses may change the emulator's options (e.g. a slow tick for stable counters). */
    protected EmulatorOptions emulatorOptions() {
        return EmulatorOptions.defaults();
    }

    @BeforeEach
    void startModemAndOpen() {
        modem = EmulatedModem.start(EmulatedProtocol.QMI, emulatorOptions());
        device = Await.result(QmiDevice.open(modem.path()));
    }

    @AfterEach
    void closeDeviceAndModem() {
        if (device != null) {
            device.close();
        }
        modem.close();
    }
}
