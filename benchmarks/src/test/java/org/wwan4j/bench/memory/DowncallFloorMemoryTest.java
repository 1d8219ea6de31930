package org.wwan4j.bench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wwan4j.bench.BenchEnvironment;
import org.wwan4j.bench.host.HostJvm;
import org.wwan4j.bench.proc.Jcmd;
import org.wwan4j.emulator.EmulatedModem;
import org.wwan4j.emulator.EmulatedProtocol;

class DowncallFloorMemoryTest {

    @TempDir
    Path scratch;

    @Test
    void readsTheFunctionHoldersFromAClassLoadLogInLoadOrder() {
        List<String> log = List.of(
                "[0.901s][info][class,load] org.wwan4j.glib.MainLoopThread source: file:/x/wwan4j-glib.jar",
                "[0.902s][info][class,load] org.wwan4j.glib.ffi.glib_h$shared source: file:/x/wwan4j-glib.jar",
                "[0.903s][info][class,load] org.wwan4j.glib.ffi.glib_h source: file:/x/wwan4j-glib.jar",
                "[0.904s][info][class,load] org.wwan4j.glib.ffi.glib_h$g_main_context_new source: file:/x/g.jar",
                "[0.905s][info][class,load] org.wwan4j.glib.ffi.glib_h$shared$$Lambda/0x0000000801 source: "
                        + "org.wwan4j.glib.ffi.glib_h$shared",
                "[0.906s][info][class,load] java.lang.invoke.LambdaForm$MH/0x0000000801 source: "
                        + "__JVM_LookupDefineClass__",
                "[0.907s][info][class,load] org.wwan4j.qmi.ffi.qmi_device_h$qmi_device_open source: file:/x/q.jar",
                "[0.908s][info][class,load] org.wwan4j.qmi.QmiDevice$Binding source: file:/x/q.jar");

        assertEquals(List.of("org.wwan4j.glib.ffi.glib_h$g_main_context_new",
                "org.wwan4j.qmi.ffi.qmi_device_h$qmi_device_open"), DowncallFloorMemory.holders(log));
    }

    /** The floor's host links what the open path linked and runs nothing else of the library. */
    @Test
    @Tag("slow")
    void theFloorsHostLinksTheOpenPathsDowncallsWithoutTheLibrarysCode() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        BenchEnvironment environment = new BenchEnvironment(Path.of("").toAbsolutePath(), scratch, java,
                System.getProperty("java.class.path"));
        try (EmulatedModem modem = EmulatedModem.start(EmulatedProtocol.QMI)) {
            List<String> holders = new DowncallFloorMemory(environment).openPathHolders(modem.path());
            assertTrue(holders.contains("org.wwan4j.qmi.ffi.qmi_device_h$qmi_device_open"), holders.toString());
            assertTrue(holders.contains("org.wwan4j.qmi.ffi.qmi_dms_h$qmi_client_dms_get_ids"), holders.toString());

            try (HostJvm host = HostJvm.start(environment, "host-floor")) {
                host.call("link " + String.join(" ", holders), "linked");
                String classes = new Jcmd(java).run(host.pid(), "VM.class_hierarchy");

                for (String holder : holders) {
                    assertTrue(classes.contains(holder + "/"), holder + " not loaded");
                }
                assertFalse(classes.contains("org.wwan4j.glib.MainLoopThread/"), "the library's loop thread loaded");
                assertFalse(classes.contains("org.wwan4j.qmi.QmiDevice/"), "the library's device class loaded");
            }
        }
    }
}
