package org.wwan4j.generator.api.qmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.gir.GirReader;

/**
 * The QMI API generator over the system's Qmi GIR and the committed include list: the shapes the runtime and the
 * integration tests in bindings/qmi rely on. (Compiling and running the output is bindings/qmi's job.)
 */
class QmiApiGeneratorTest {

    private static final Path GIR = Path.of("/usr/share/gir-1.0/Qmi-1.0.gir");
    private static final Path INCLUDES = Path.of("../../headers/qmi.txt");
    private static Map<String, String> files;
    private static QmiApiGenerator.Result result;

    @BeforeAll
    static void generate() throws Exception {
        assumeTrue(Files.isRegularFile(GIR) && Files.isRegularFile(INCLUDES), "needs the Qmi GIR and headers/qmi.txt");
        result = QmiApiGenerator.generate(GirReader.read(GIR), QmiApiGenerator.QmiFfiView.read(INCLUDES));
        files = result.files().stream().collect(Collectors.toMap(SourceFile::className, SourceFile::content,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void everyClientBecomesAFinalClassWithItsKind() {
        for (String client : new String[] {"ClientDms", "ClientNas", "ClientWds", "ClientUim", "ClientWda", "ClientLoc"}) {
            String text = files.get(client);
            assertTrue(text.contains("public final class " + client + " extends QmiClient"), client);
            assertTrue(text.contains("public static final QmiClientKind<" + client + "> KIND"), client);
        }
    }

    @Test
    void requestsHaveTimeoutAndDefaultOverloadsAndCheckTheResultTlv() {
        String dms = files.get("ClientDms");
        assertTrue(dms.contains("public org.wwan4j.glib.LoopFuture<GetIdsOutput> getIds(java.time.Duration timeout)"));
        assertTrue(dms.contains("public org.wwan4j.glib.LoopFuture<GetIdsOutput> getIds() {"));
        // Through the class of the header that declares it (qmi-dms.h), so a DMS request loads no other header class.
        assertTrue(dms.contains("org.wwan4j.qmi.ffi.qmi_dms_h::qmi_message_dms_get_ids_output_get_result"));
        assertTrue(!dms.contains("libqmi_glib_h"), "ClientDms reaches nothing through the umbrella class");
        assertTrue(dms.contains("public org.wwan4j.glib.LoopFuture<SetOperatingModeOutput> setOperatingMode("
                + "SetOperatingModeInput input)"));
        assertTrue(files.get("ClientNas").contains("java.time.Duration.ofSeconds(300)"), "scans get a long default");
    }

    @Test
    void outputRecordsCopyTypedValues() {
        String nas = files.get("ClientNas");
        assertTrue(nas.contains("public record CurrentPlmnTlv(java.lang.Integer mcc, java.lang.Integer mnc, "
                + "java.lang.String description) { }"));
        assertTrue(nas.contains("org.wwan4j.glib.FlagSet<org.wwan4j.qmi.NasRatModePreference> modePreference"));
        assertTrue(nas.contains("java.util.List<org.wwan4j.qmi.ClientNas.NetworkScanNetworkInformationElement> "
                + "networkInformation"), "GPtrArray of element structs");
        assertTrue(files.get("ClientDms").contains("java.lang.Byte.toUnsignedInt") || nas.contains("java.lang.Byte.toUnsignedInt"),
                "unsigned bytes are widened");
    }

    @Test
    void indicationsBecomeSubscriptions() {
        String nas = files.get("ClientNas");
        assertTrue(nas.contains("public QmiSubscription onServingSystem(java.util.function.Consumer<? super "
                + "ServingSystemIndication> listener)"));
        assertTrue(files.get("ClientWds").contains("public QmiSubscription onPacketServiceStatus("));
        assertTrue(files.get("ClientLoc").contains("public QmiSubscription onPositionReport("));
        assertTrue(files.get("ClientPds").contains("public QmiSubscription onGpsReady(java.lang.Runnable listener)"),
                "signals without values take a Runnable");
    }

    @Test
    void inputBuildersNeverPrintTheirValues() {
        String wds = files.get("ClientWds");
        assertTrue(wds.contains("public StartNetworkInput password(java.lang.String password)"));
        assertTrue(!wds.contains("toString()"), "builders inherit QmiInput's value-free toString");
    }

    @Test
    void enumsAreEmittedWithoutThePrefixAndCoverageIsReported() {
        assertTrue(files.containsKey("DmsOperatingMode"));
        assertTrue(files.containsKey("ProtocolError"));
        Map<String, String> byClient = result.coverage().stream()
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')), Function.identity(), (a, b) -> a));
        assertTrue(byClient.get("ClientDms").contains("requests 62 (skipped 0)"), byClient.get("ClientDms"));
        assertEquals(1, result.coverage().stream().filter(l -> l.startsWith("total:")).count());
    }
}
