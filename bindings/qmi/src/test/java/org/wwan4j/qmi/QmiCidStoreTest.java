package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CID store: one small file per device, rewritten whole and atomically, tolerant of a corrupt file. */
class QmiCidStoreTest {

    @TempDir
    Path dir;

    @Test
    void cidsSurviveAReloadAndRemovedOnesAreGone() {
        Path device = Path.of("/dev/cdc-wdm0");
        QmiCidStore store = QmiCidStore.open(dir, device);
        store.add("dms", 3);
        store.add("nas", 5);
        store.add("nas", 2);
        store.remove("dms", 3);
        QmiCidStore reloaded = QmiCidStore.open(dir, device);
        assertEquals(Map.of("nas", List.of(2, 5)), reloaded.all());
        assertEquals(List.of(), reloaded.cids("dms"));
    }

    @Test
    void eachDeviceHasItsOwnFileAndNoTemporaryFileIsLeft() throws IOException {
        QmiCidStore.open(dir, Path.of("/dev/cdc-wdm0")).add("dms", 1);
        QmiCidStore.open(dir, Path.of("/dev/cdc-wdm1")).add("dms", 2);
        assertEquals(List.of(1), QmiCidStore.open(dir, Path.of("/dev/cdc-wdm0")).cids("dms"));
        assertEquals(List.of(2), QmiCidStore.open(dir, Path.of("/dev/cdc-wdm1")).cids("dms"));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
        }
    }

    @Test
    void aCorruptFileOnlyCostsFreshAllocations() throws IOException {
        QmiCidStore store = QmiCidStore.open(dir, Path.of("/dev/cdc-wdm0"));
        Files.writeString(store.file(), "dms=x,y\n");
        assertEquals(Map.of(), QmiCidStore.open(dir, Path.of("/dev/cdc-wdm0")).all());
    }
}
