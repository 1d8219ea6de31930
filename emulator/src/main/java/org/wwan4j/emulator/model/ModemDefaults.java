package org.wwan4j.emulator.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The modem a fresh (or rebooted) emulator starts as. Values are chosen to exercise what clients get wrong: a
 * 2-digit MNC with a leading zero, an inactive slot that holds a card, an empty slot, an eSIM, a roaming and a
 * forbidden provider, an APN that needs CHAP credentials.
 */
public final class ModemDefaults {

    public static final String HOME_MCC = "262";
    public static final String HOME_MNC = "07";
    public static final String HOME_OPERATOR = "Emu Home";

    private ModemDefaults() {
    }

    public static EmulatedIdentity identity() {
        return new EmulatedIdentity("356938035643809", "wwan4j", "Emulated LTE Modem EM-1", "EMU01.00.00_R001", "1.0",
                "EMU0000001", Set.of(EmulatedRat.GSM, EmulatedRat.UMTS, EmulatedRat.LTE), 50_000, 150_000);
    }

    public static List<SimSlot> simSlots() {
        return List.of(
                new SimSlot(1, true, true, EmulatedSimType.PHYSICAL, "89490700001234567890", "262071234567890", null),
                new SimSlot(2, false, true, EmulatedSimType.PHYSICAL, "89490700009876543210", "262079876543210", null),
                new SimSlot(3, false, false, EmulatedSimType.PHYSICAL, null, null, null),
                new SimSlot(4, false, true, EmulatedSimType.ESIM, "89490700005555555555", "262075555555555",
                        "89049032004008882600004100000002"));
    }

    public static EmulatedRegistration homeRegistration() {
        return new EmulatedRegistration(EmulatedRegistrationState.HOME, HOME_MCC, HOME_MNC, HOME_OPERATOR,
                Set.of(EmulatedRat.LTE),
                0x1234, 0x5678, 0x01A2B3C);
    }

    public static EmulatedSignal signal() {
        return new EmulatedSignal(-65, -9, -95, 12.5);
    }

    /** The NR5G leg of a 5G NSA network: stronger than the LTE anchor, as on a nearby small cell. */
    public static EmulatedNrSignal nrSignal() {
        return new EmulatedNrSignal(-88, -11, 18.5);
    }

    /** No attach APN configured: home, partner and non-partner contexts all leave it to the network. */
    public static List<EmulatedAttachContext> attachContexts() {
        return java.util.Arrays.stream(EmulatedAttachContext.Roaming.values())
                .map(EmulatedAttachContext::factory).toList();
    }

    public static List<EmulatedProvider> providers() {
        return List.of(
                new EmulatedProvider(HOME_MCC, HOME_MNC, HOME_OPERATOR, EmulatedProviderStatus.CURRENT, false,
                        Set.of(EmulatedRat.LTE)),
                new EmulatedProvider("262", "01", "Emu Other", EmulatedProviderStatus.AVAILABLE, false,
                        Set.of(EmulatedRat.LTE, EmulatedRat.UMTS)),
                new EmulatedProvider("208", "01", "Emu Roam", EmulatedProviderStatus.AVAILABLE, true,
                        Set.of(EmulatedRat.LTE)),
                new EmulatedProvider("262", "02", "Emu Forbidden", EmulatedProviderStatus.FORBIDDEN, false,
                        Set.of(EmulatedRat.GSM)));
    }

    /** APNs the emulated network accepts. */
    public static List<EmulatedAccessPoint> accessPoints() {
        return List.of(
                new EmulatedAccessPoint("internet", EmulatedAuth.NONE, null, null),
                new EmulatedAccessPoint("ims", EmulatedAuth.NONE, null, null),
                new EmulatedAccessPoint("private.corp", EmulatedAuth.CHAP, "corp", "s3cret"));
    }

    /** Profile 1 serves both the attach and the default bearer, as on most Qualcomm modules; IMS stays home. */
    public static List<Profile> profiles() {
        return List.of(
                new Profile(1, "default", "internet", EmulatedIpType.IPV4V6, EmulatedAuth.NONE, null, null,
                        Set.of(Profile.Purpose.DEFAULT, Profile.Purpose.ATTACH), true),
                new Profile(2, "ims", "ims", EmulatedIpType.IPV4V6, EmulatedAuth.NONE, null, null,
                        Set.of(Profile.Purpose.IMS), false));
    }

    public static EmulatedIpSettings ipv4() {
        return new EmulatedIpSettings("10.64.12.34", 30, "10.64.12.33", List.of("10.64.0.1", "10.64.0.2"));
    }

    public static EmulatedIpSettings ipv6() {
        return new EmulatedIpSettings("2001:db8:64::1234", 64, "2001:db8:64::1", List.of("2001:db8::53"));
    }

    public static final int MTU = 1430;

    /** What one counter tick adds while data flows. */
    public static EmulatedCounters trafficPerTick() {
        return new EmulatedCounters(1_200, 16_000, 12, 20, 0, 1, 0, 0);
    }

    public static Position position() {
        return new Position(52.520008, 13.404954, 34.0, 5.0, 8.0, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static Set<EmulatedRat> ratPreference() {
        return Set.of(EmulatedRat.GSM, EmulatedRat.UMTS, EmulatedRat.LTE);
    }

    public static List<Plmn> preferredNetworks() {
        return List.of(new Plmn(HOME_MCC, HOME_MNC, Set.of(EmulatedRat.LTE)));
    }
}
