package org.wwan4j.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatorStatistics;
import org.wwan4j.emulator.EmulatedProtocol;

/** Persistent client IDs: a restart, even after kill -9, allocates no new CIDs on the modem. */
@Timeout(180)
class QmiCidPersistenceTest {

    @TempDir
    Path stateDir;
    private EmulatedModem modem;

    @BeforeEach
    void start() {
        modem = EmulatedModem.start(EmulatedProtocol.QMI);
    }

    @AfterEach
    void stop() {
        modem.close();
    }

    private QmiDevice open() {
        return Await.result(QmiDevice.open(modem.path(), QmiDeviceOptions.defaults().withStateDir(stateDir)));
    }

    @Test
    void closingAndReopeningReusesTheCidsAndCloseReleasesOne() {
        EmulatorStatistics stats = modem.statistics();
        QmiDevice first = open();
        int dms = Await.result(first.dms()).cid();
        int nas = Await.result(first.nas()).cid();
        first.close();
        assertEquals(1, stats.clientsAllocated("DMS"), "closing the device keeps the CID");

        QmiDevice second = open();
        try {
            ClientDms again = Await.result(second.dms());
            assertEquals(dms, again.cid());
            assertEquals(nas, Await.result(second.nas()).cid());
            assertEquals(1, stats.totalAllocations("DMS"));
            assertEquals(1, stats.totalAllocations("NAS"));
            assertEquals(modem.state().identity().imei(), Await.result(again.getIds()).imei());

            again.close(); // no longer needed: released on the modem and forgotten
            assertEquals(0, stats.clientsAllocated("DMS"));
            assertEquals(List.of(), second.cidStore().cids("dms"));
            assertEquals(List.of(nas), second.cidStore().cids("nas"));
        } finally {
            second.close();
        }
    }

    @Test
    void afterKill9TheRestartedProcessReusesEveryCid() throws Exception {
        Map<String, Integer> childCids = runChildAndKill9();
        EmulatorStatistics stats = modem.statistics();
        long dmsAllocations = stats.totalAllocations("DMS");
        long nasAllocations = stats.totalAllocations("NAS");
        assertEquals(1, stats.clientsAllocated("WDS"));

        QmiDevice device = open();
        try {
            ClientDms dms = Await.result(device.dms());
            ClientNas nas = Await.result(device.nas());
            assertEquals(childCids.get("dms"), dms.cid());
            assertEquals(childCids.get("nas"), nas.cid());
            assertEquals(dmsAllocations, stats.totalAllocations("DMS"), "no new DMS CID");
            assertEquals(nasAllocations, stats.totalAllocations("NAS"), "no new NAS CID");
            assertEquals(modem.state().identity().manufacturer(), Await.result(dms.getManufacturer()).manufacturer());
            assertEquals(modem.state().signal().rssi(),
                    Await.result(nas.getSignalInfo()).lteSignalStrength().rssi());

            // This process does not use WDS: the CID the dead process held is released explicitly.
            assertEquals(1, Await.result(device.releaseUnused()));
            assertEquals(0, stats.clientsAllocated("WDS"));
            assertEquals(List.of(), device.cidStore().cids("wds"));
            assertEquals(1, stats.clientsAllocated("DMS"));
        } finally {
            device.close();
        }
    }

    private Map<String, Integer> runChildAndKill9() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), CidHolderMain.class.getName(),
                modem.path().toString(), stateDir.toString())
                .redirectErrorStream(true).start();
        try {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                    String line;
                    StringBuilder seen = new StringBuilder();
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("READY ")) {
                            return line;
                        }
                        seen.append(line).append('\n');
                    }
                    throw new IllegalStateException("child ended without READY:\n" + seen);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            String line = ready.get(60, TimeUnit.SECONDS);
            Map<String, Integer> cids = new java.util.HashMap<>();
            for (String pair : line.substring("READY ".length()).split(" ")) {
                String[] kv = pair.split("=");
                cids.put(kv[0], Integer.parseInt(kv[1]));
            }
            return cids;
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, nothing released
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
    }
}
