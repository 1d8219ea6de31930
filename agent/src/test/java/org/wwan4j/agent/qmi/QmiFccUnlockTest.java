package org.wwan4j.agent.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Foxconn's v2 unlock hash, against a value computed the way ModemManager's dispatcher script does it. */
class QmiFccUnlockTest {

    @Test
    void theFoxconnHashIsTheSaltThenTheMd5OfTheVersionsImeiSaltAndMagic() {
        // printf %s%s%s%s%s "T99W175.F0.1.0.0.9.GC.004" "T99W175.F0.1.0.0.9.GC.004" "356938035643809" salt foxc | md5sum
        assertEquals("salt8d3cb13f15bf6d2bf5f15830578bae5e", QmiFccUnlock.foxconnHash(
                "T99W175.F0.1.0.0.9.GC.004.029.1", "T99W175.F0.1.0.0.9.GC.004", "356938035643809"));
    }
}
