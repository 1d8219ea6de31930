package org.wwan4j.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MbimSmokeTest {
    @Test
    void deviceCaps() {
        try (EmulatedMbim mbim = EmulatedMbim.start()) {
            BasicConnect.DeviceCapsResponse caps = EmulatedMbim.await(mbim.basic.queryDeviceCaps());
            System.out.println(caps);
            assertEquals(mbim.modem.state().identity().imei(), caps.deviceId());
        }
    }
}
