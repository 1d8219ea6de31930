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

    public static Identity identity() {
        return new Identity("356938035643809", "wwan4j", "Emulated LTE Modem EM-1", "EMU01.00.00_R001", "1.0",
                "EMU0000001", Set.of(Rat.GSM, Rat.UMTS, Rat.LTE), 50_000, 150_000);
    }

    public static List<SimSlot> simSlots() {
        return List.of(
                new SimSlot(1, true, true, SimType.PHYSICAL, "89490700001234567890", "262071234567890", null),
                new SimSlot(2, false, true, SimType.PHYSICAL, "89490700009876543210", "262079876543210", null),
                new SimSlot(3, false, false, SimType.PHYSICAL, null, null, null),
                new SimSlot(4, false, true, SimType.ESIM, "89490700005555555555", "262075555555555",
                        "89049032004008882600004100000002"));
    }

    public static Registration homeRegistration() {
        return new Registration(RegistrationState.HOME, HOME_MCC, HOME_MNC, HOME_OPERATOR, Set.of(Rat.LTE),
                0x1234, 0x5678, 0x01A2B3C);
    }

    public static Signal signal() {
        return new Signal(-65, -9, -95, 12.5);
    }

    public static List<Provider> providers() {
        return List.of(
                new Provider(HOME_MCC, HOME_MNC, HOME_OPERATOR, ProviderStatus.CURRENT, false, Set.of(Rat.LTE)),
                new Provider("262", "01", "Emu Other", ProviderStatus.AVAILABLE, false, Set.of(Rat.LTE, Rat.UMTS)),
                new Provider("208", "01", "Emu Roam", ProviderStatus.AVAILABLE, true, Set.of(Rat.LTE)),
                new Provider("262", "02", "Emu Forbidden", ProviderStatus.FORBIDDEN, false, Set.of(Rat.GSM)));
    }

    /** APNs the emulated network accepts. */
    public static List<AccessPoint> accessPoints() {
        return List.of(
                new AccessPoint("internet", Auth.NONE, null, null),
                new AccessPoint("ims", Auth.NONE, null, null),
                new AccessPoint("private.corp", Auth.CHAP, "corp", "s3cret"));
    }

    public static List<Profile> profiles() {
        return List.of(
                new Profile(1, "default", "internet", IpType.IPV4V6, Auth.NONE, null, null),
                new Profile(2, "ims", "ims", IpType.IPV4V6, Auth.NONE, null, null));
    }

    public static IpSettings ipv4() {
        return new IpSettings("10.64.12.34", 30, "10.64.12.33", List.of("10.64.0.1", "10.64.0.2"));
    }

    public static IpSettings ipv6() {
        return new IpSettings("2001:db8:64::1234", 64, "2001:db8:64::1", List.of("2001:db8::53"));
    }

    public static final int MTU = 1430;

    /** What one counter tick adds while data flows. */
    public static Counters trafficPerTick() {
        return new Counters(1_200, 16_000, 12, 20, 0, 1, 0, 0);
    }

    public static Position position() {
        return new Position(52.520008, 13.404954, 34.0, 5.0, 8.0, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static Set<Rat> ratPreference() {
        return Set.of(Rat.GSM, Rat.UMTS, Rat.LTE);
    }

    public static List<Plmn> preferredNetworks() {
        return List.of(new Plmn(HOME_MCC, HOME_MNC, Set.of(Rat.LTE)));
    }
}
