package org.wwan4j.generator.api.mbim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wwan4j.generator.emit.SourceFile;
import org.wwan4j.generator.gir.GirReader;

/** The MBIM API generated from the installed Mbim-1.0.gir (libmbim 1.28), checked at the level of its text. */
class MbimApiGeneratorTest {

    private static final Path GIR = Path.of("/usr/share/gir-1.0/Mbim-1.0.gir");
    private static Map<String, String> files;
    private static MbimApiGenerator generator;

    @BeforeAll
    static void generate() throws Exception {
        assumeTrue(Files.isRegularFile(GIR), "libmbim's GIR is installed");
        generator = new MbimApiGenerator(GirReader.read(GIR));
        List<SourceFile> sources = generator.generate();
        files = sources.stream().collect(Collectors.toMap(SourceFile::className, SourceFile::content,
                (a, b) -> { throw new AssertionError("two files named alike"); }));
    }

    @Test
    void everyServiceWithBuildersGetsAClass() {
        for (String service : List.of("BasicConnect", "MsBasicConnectExtensions", "Sms", "Ussd", "Stk", "Auth",
                "Phonebook", "Dss", "Atds", "MsUiccLowLevelAccess")) {
            assertTrue(files.containsKey(service), service);
        }
        assertTrue(files.get("BasicConnect").contains("public static final int SERVICE = 1;"));
    }

    @Test
    void queriesSetsAndNotificationsAreTyped() {
        String basic = files.get("BasicConnect");
        assertTrue(basic.contains("public LoopFuture<DeviceCapsResponse> queryDeviceCaps()"), basic);
        assertTrue(basic.contains("public LoopFuture<RadioStateResponse> setRadioState(RadioSwitchState radioState)"));
        assertTrue(basic.contains("public LoopFuture<ConnectResponse> setConnect(ConnectSetRequest request)"));
        assertTrue(basic.contains("public MbimSubscription onRegisterState(Consumer<RegisterStateResponse> listener)"));
        assertTrue(basic.contains("EnumValue<RegisterState> registerState"), "enums become EnumValue");
        assertTrue(basic.contains("FlagSet<DataClass> availableDataClasses"), "flags become FlagSet");
        assertTrue(basic.contains("List<Provider> providers"), "struct arrays become lists of records");
        assertTrue(basic.contains("mbim_basic_connect_h::mbim_provider_array_free"), "and are freed with their own free");
        assertTrue(basic.contains("List<InetAddress> ipv4DnsServer"), "IP addresses become InetAddress");
        assertTrue(basic.contains("UUID contextType"));
        assertTrue(basic.contains("long maxSessions"), "guint32 widens to long");
        String extensions = files.get("MsBasicConnectExtensions");
        assertTrue(extensions.contains("setDeviceSlotMappings(List<Slot> slotMap)"), extensions);
        assertTrue(extensions.contains("querySlotInfoStatus(long slotIndex)"));
    }

    @Test
    void everyRequestAlsoTakesItsOwnTimeout() {
        String basic = files.get("BasicConnect");
        assertTrue(basic.contains("public LoopFuture<DeviceCapsResponse> queryDeviceCaps(java.time.Duration timeout)"),
                basic);
        assertTrue(basic.contains("return queryDeviceCaps(device.options().timeout());"));
        assertTrue(basic.contains("setConnect(ConnectSetRequest request, java.time.Duration timeout)"));
        assertTrue(basic.contains("return device.command(\"basic_connect/device_caps query\", timeout,"),
                "the timeout reaches the device");
    }

    @Test
    void aNotificationShapedLikeItsResponseReusesTheRecord() {
        String basic = files.get("BasicConnect");
        assertFalse(basic.contains("record RegisterStateNotification("), basic);
        assertTrue(basic.contains("parseRegisterStateNotification(MemorySegment message"));
    }

    @Test
    void requestRecordsNeverPrintSecrets() {
        String basic = files.get("BasicConnect");
        assertTrue(basic.contains("\"password=\" + (password == null ? \"null\" : \"***\")"), basic);
        assertTrue(basic.contains("\"pin=\" + (pin == null ? \"null\" : \"***\")"));
    }

    @Test
    void structsBecomeRecordsAndEnumsDropThePrefix() {
        assertTrue(files.get("Provider").contains("public record Provider(String providerId, long providerState"));
        assertTrue(files.get("Slot").contains("public static MemorySegment toNative(Slot value, Arena arena)"));
        assertTrue(files.get("RegisterState").contains("public enum RegisterState implements NativeEnum"));
        assertTrue(files.containsKey("StatusError"));
    }

    @Test
    void nestedNamesDoNotShadowTopLevelTypes() {
        // MbimUssdResponse is an enum, so the USSD answer record needs another name.
        assertTrue(files.get("Ussd").contains("public record UssdResponseRecord("), files.get("Ussd"));
    }

    @Test
    void coverageIsReportedPerService() {
        Map<String, MbimCoverage> byService = generator.coverage().stream()
                .collect(Collectors.toMap(c -> c.service, Function.identity()));
        MbimCoverage basic = byService.get("BasicConnect");
        assertTrue(basic.queries >= 20, basic.line());
        assertTrue(basic.notifications >= 11, basic.line());
        assertTrue(generator.totals().startsWith("total: queries "), generator.totals());
        assertEquals(List.of(), generator.unresolved().stream()
                .filter(u -> !u.contains("device_service_subscriber_list") && !u.contains("lte_attach_status"))
                .toList(), "only libmbim's deprecated aliases are unresolved");
    }
}
