package org.wwan4j.agent.linux;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.wwan4j.agent.config.ModemConfig;
import org.wwan4j.agent.config.ModemMatch;

/**
 * Pairs config entries with discovered modems. Every non-null field of an entry's {@code match} must agree with
 * the modem; an entry with none matches any modem. A modem serves at most one entry. The most specific entries
 * (most fields given) choose first, so a catch-all entry cannot take the modem a precise entry names; ties go by
 * config order, then by discovery order.
 *
 * <p>The IMEI is known only once a modem has been opened: pass what is known so far, and entries that match a
 * modem in every other respect but whose IMEI is not yet known are reported as awaiting identity rather than
 * missing. Call again when an IMEI becomes known.
 */
public final class ConfigMatcher {

    /** Reported for a configured modem that is not there (the reference agent's wording). */
    public static final String MODEM_NOT_FOUND = "modem not found";

    public record Assignment(ModemConfig config, DiscoveredModem modem) {
    }

    /**
     * @param assigned         entries with their modem, in config order
     * @param missing          entries no modem can satisfy
     * @param awaitingIdentity entries that may match once the IMEI of one of the unmanaged modems is known
     * @param unmanaged        modems no entry took (to be kept radio-off), in discovery order
     */
    public record Result(List<Assignment> assigned, List<ModemConfig> missing, List<ModemConfig> awaitingIdentity,
            List<DiscoveredModem> unmanaged) {
    }

    private ConfigMatcher() {
    }

    /** @param imeiByPort IMEIs read so far, keyed by {@link DiscoveredModem#port()} */
    public static Result match(List<ModemConfig> configs, List<DiscoveredModem> modems, Map<String, String> imeiByPort) {
        List<ModemConfig> bySpecificity = new ArrayList<>(configs);
        bySpecificity.sort(Comparator.comparingInt((ModemConfig c) -> specificity(c.match())).reversed());
        Set<DiscoveredModem> free = new LinkedHashSet<>(modems);
        List<Assignment> assigned = new ArrayList<>();
        List<ModemConfig> missing = new ArrayList<>();
        List<ModemConfig> awaiting = new ArrayList<>();
        for (ModemConfig config : bySpecificity) {
            DiscoveredModem chosen = null;
            boolean couldMatchLater = false;
            for (DiscoveredModem modem : free) {
                Verdict verdict = verdict(config.match(), modem, imeiByPort.get(modem.port()));
                if (verdict == Verdict.MATCH) {
                    chosen = modem;
                    break;
                }
                couldMatchLater |= verdict == Verdict.NEEDS_IMEI;
            }
            if (chosen != null) {
                free.remove(chosen);
                assigned.add(new Assignment(config, chosen));
            } else if (couldMatchLater) {
                awaiting.add(config);
            } else {
                missing.add(config);
            }
        }
        assigned.sort(Comparator.comparingInt(a -> configs.indexOf(a.config())));
        missing.sort(Comparator.comparingInt(configs::indexOf));
        awaiting.sort(Comparator.comparingInt(configs::indexOf));
        return new Result(List.copyOf(assigned), List.copyOf(missing), List.copyOf(awaiting), List.copyOf(free));
    }

    private enum Verdict { MATCH, NEEDS_IMEI, NO_MATCH }

    private static Verdict verdict(ModemMatch match, DiscoveredModem modem, String imei) {
        boolean physical = (match.device() == null || modem.hasDevice(match.device()))
                && (match.usb() == null || match.usb().equals(modem.usbAddress()))
                && (match.pci() == null || match.pci().equals(modem.pciAddress()))
                && (match.interfaceName() == null || match.interfaceName().equals(modem.interfaceName()));
        if (!physical) {
            return Verdict.NO_MATCH;
        }
        if (match.imei() == null) {
            return Verdict.MATCH;
        }
        if (imei == null) {
            return Verdict.NEEDS_IMEI;
        }
        return match.imei().equals(imei) ? Verdict.MATCH : Verdict.NO_MATCH;
    }

    private static int specificity(ModemMatch match) {
        return (int) Stream.of(match.device(), match.usb(), match.pci(), match.interfaceName(), match.imei())
                .filter(Objects::nonNull).count();
    }
}
