package org.wwan4j.agent.modem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimLock;
import org.wwan4j.agent.status.StoredProfile;

/**
 * One opened modem, whatever protocol it speaks. The agent's supervisor drives a modem only through this
 * interface; the QMI and MBIM implementations translate each call into their services (DMS/NAS/UIM/WDS/LOC, or
 * BASIC_CONNECT/MS_BASIC_CONNECT_EXTENSIONS/...) and each indication into a {@link ModemEvent}.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Asynchronous and bounded.</b> Every request returns at once with a future. Each future completes,
 *     normally or exceptionally, within the bound named in {@link #REQUEST_TIMEOUT} (or the method's own, longer
 *     bound where given): a modem that never answers yields {@link ModemException.Kind#TIMEOUT}, never a future
 *     that hangs. Implementations use the protocol library's own timeout and cancellation; cancelling a returned
 *     future should cancel the request.</li>
 * <li><b>Errors.</b> Futures fail with a {@link ModemException} whose {@link ModemException.Kind} tells the
 *     supervisor what to do (retry, recover, give up until the SIM or config changes). Methods never throw
 *     synchronously except for null arguments.</li>
 * <li><b>Threads.</b> Futures complete and listeners are called on an implementation thread that is never the
 *     protocol library's main-loop thread, one event at a time in the order the modem sent them. Callers must not
 *     block in a listener or in a dependent stage: the supervisor hops onto its own executor at once.</li>
 * <li><b>Indications first.</b> Registration, signal, bearer, SIM and power changes arrive as events so status
 *     follows the modem without polling; the getters exist for the first read after opening and for the slow
 *     safety tick. Implementations enable the indications they need when opened (QMI: NAS/WDS/UIM/DMS event
 *     reports, MBIM: the notifications of the services used).</li>
 * <li><b>Values.</b> The neutral records of {@code org.wwan4j.agent.status} are used as-is: MCC and MNC are
 *     strings keeping leading zeros ("001", "01" differs from "010"); unknown values are null; counters that a
 *     protocol does not give are null, not 0.</li>
 * <li><b>Older and newer firmware.</b> Each read tries the protocol's messages newest first and falls back only
 *     when the modem refuses one as unsupported; a refused message is not sent again on this instance. A value no
 *     message can give reads null (the rest of the read is unaffected), and one {@link ModemEvent.FieldUnavailable}
 *     per field says why ({@link RequestSupport}, docs/fallbacks.md).</li>
 * <li><b>SIM slots.</b> {@link #sims()} lists every physical slot, 1-based, empty ones included. A slot holding a
 *     card that is not the active one reads {@link org.wwan4j.agent.status.SimState#INACTIVE}; an empty slot
 *     reads {@code ABSENT}; a PIN/PUK-locked card reads {@code LOCKED}. An eSIM without an enabled profile reads
 *     type {@code ESIM} with state {@code ABSENT} and no ICCID.</li>
 * <li><b>Locks.</b> {@link #setPower} online fails {@link ModemException.Kind#RADIO_LOCKED} when the modem
 *     refuses the way an FCC-locked modem does; {@link #fccUnlock} sends an unlock. {@link #simLock} and
 *     {@link #enterPin} read and open the SIM's PIN lock. Which unlock a model needs is the vendor table's business
 *     ({@code org.wwan4j.agent.quirks}), never the implementation's.</li>
 * <li><b>Reset.</b> {@link #reset()} restarts the modem (QMI: operating mode offline, then reset; MBIM: radio
 *     off, then on). Afterwards the caller closes the instance and opens the port again: after a real reset the
 *     port goes away and comes back, and QMI client IDs are forgotten.</li>
 * <li><b>Lifetime.</b> One instance per opened control port. After {@link #close()} or a
 *     {@link ModemEvent.Removed} every request fails with {@code CLOSED}. {@code close()} is idempotent, bounded,
 *     and leaves an established data session up (the supervisor disconnects explicitly when it means to).</li>
 * </ul>
 */
public interface Modem extends AutoCloseable {

    /** Bound of an ordinary request (the reference agent's CLI calls used 5 s; libqmi's default is 10 s). */
    Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Bound of {@link #connect}: networks take tens of seconds to set up a PDN. */
    Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** Bound of {@link #scanProviders}: a scan takes 1-2 min; the reference agent allows 3 min. */
    Duration SCAN_TIMEOUT = Duration.ofMinutes(3);
    /** Bound of a slot switch, which resets the card and often the modem. */
    Duration SLOT_SWITCH_TIMEOUT = Duration.ofSeconds(30);
    /** Bound of {@link #reset}: two ordinary requests. */
    Duration RESET_TIMEOUT = REQUEST_TIMEOUT.multipliedBy(2);

    /** Control port this modem was opened on. */
    Path device();

    /** The protocol actually spoken (never AUTO). */
    Protocol protocol();

    /** IMEI, manufacturer, model, firmware revision. */
    CompletableFuture<Identity> identity();

    CompletableFuture<Power> power();

    /**
     * Sets the operating mode. Only {@link Power#ONLINE} and {@link Power#LOW_POWER} are accepted (low power keeps
     * the SIM readable and the radio off: what radio silence and unmanaged modems need). Completes once the modem
     * has accepted the change; a {@link ModemEvent.PowerChanged} follows when it takes effect.
     */
    CompletableFuture<Void> setPower(Power power);

    /** Every SIM slot (see the class comment). A single-slot modem without slot support reports one slot, 1. */
    CompletableFuture<List<Sim>> sims();

    /** Makes the 1-based slot active; bounded by {@link #SLOT_SWITCH_TIMEOUT}. Fails UNSUPPORTED on single-slot modems. */
    CompletableFuture<Void> switchSimSlot(int slot);

    CompletableFuture<Registration> registration();

    CompletableFuture<Signal> signal();

    /**
     * Sets the RAT and operator preference. An empty list means "the modem's choice" for that part. RATs are in
     * order of preference; PLMNs are MCCMNC strings (5 or 6 digits). Implementations that need a re-registration
     * to apply them (QMI preferred networks) do it themselves.
     */
    CompletableFuture<Void> setPreferences(List<Rat> rats, List<String> plmns);

    /** Sets the LTE initial EPS bearer (attach APN); null restores the modem's own (empty APN). */
    CompletableFuture<Void> setAttachProfile(BearerProfile profile);

    /**
     * Brings the default bearer up and returns its IP settings, every family the profile asks ({@code ipv4v6}: both,
     * as the network grants them) and the data format modem and host agreed. Fails REJECTED with the network's
     * reason (as text) when the network refuses, and when modem and host cannot agree on the data format (a bearer
     * that passes no traffic is never reported up); bounded by {@link #CONNECT_TIMEOUT}. Connecting an already
     * connected modem first disconnects the old session.
     *
     * @param allowRoaming false refuses to connect while roaming (QMI: profile no-roaming; MBIM: checked first)
     */
    CompletableFuture<BearerSettings> connect(BearerProfile profile, boolean allowRoaming);

    /**
     * The data format for the next {@link #connect}. A protocol whose framing is fixed (MBIM: raw IP over NCM)
     * ignores it; QMI negotiates the modem's (WDA) and the kernel's to agree before Start Network.
     *
     * @param kernel     the kernel driver's framing switch of the network interface the bearer will use, or null
     *                   when none is known
     * @param modelNeeds the format this modem model must be asked for (the vendor table's), or null to ask for what
     *                   the host prefers (raw-IP where the kernel can)
     */
    default void useDataFormat(KernelDataFormat kernel, DataFormat modelNeeds) {
    }

    /** Tears the default bearer down; succeeds when it is already down. */
    CompletableFuture<Void> disconnect();

    /** The current bearer's IP settings, or empty when no data session is up. */
    CompletableFuture<Optional<BearerSettings>> bearerSettings();

    /** Packet statistics of the data session (bytes, packets, drops, errors), null fields where unsupported. */
    CompletableFuture<Counters> counters();

    /**
     * Scans for visible providers, bounded by {@link #SCAN_TIMEOUT}. Many modems cannot serve other requests
     * well during a scan; the supervisor does not run one while connecting.
     *
     * @param progress called from time to time (at least every 10 s) on the implementation's thread
     * @return providers with {@code roaming} set where the modem tells (QMI network scan does; MBIM from the
     *         provider's state flags)
     */
    CompletableFuture<List<Provider>> scanProviders(Consumer<ScanProgress> progress);

    /** Starts GNSS with the given fix interval; fixes arrive as {@link ModemEvent.LocationChanged}. */
    CompletableFuture<Void> startLocation(Duration interval);

    CompletableFuture<Void> stopLocation();

    /**
     * Restarts the modem, the recovery ladder's step after a reopen did not help: QMI sets the operating mode
     * offline, then reset; MBIM turns the radio off, then on. Bounded by {@link #RESET_TIMEOUT}. Completes once the
     * modem accepted it (a modem that goes away before answering the final request counts as reset); the caller
     * then closes this instance and opens the port again. Implementations that cannot fail UNSUPPORTED.
     */
    default CompletableFuture<Void> reset() {
        return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                getClass().getSimpleName() + " cannot reset the modem"));
    }

    /**
     * Sends one FCC unlock ({@link FccUnlock#isMethod() a method}), after {@link #setPower} failed with
     * {@link ModemException.Kind#RADIO_LOCKED}; the caller then asks for online once more. Completes once the modem
     * accepted it; fails UNSUPPORTED when this protocol or modem cannot send that method.
     */
    default CompletableFuture<Void> fccUnlock(FccUnlock method) {
        return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                getClass().getSimpleName() + " cannot send the FCC unlock " + method.jsonName()));
    }

    /** The active SIM's PIN1 lock and the attempts left (QMI: UIM/DMS PIN status; MBIM: PIN query). */
    default CompletableFuture<SimLock> simLock() {
        return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                getClass().getSimpleName() + " cannot read the SIM's PIN lock"));
    }

    /**
     * Enters PIN1 on the active SIM. Fails {@link ModemException.Kind#SIM} when the SIM rejects it (read
     * {@link #simLock()} afterwards for the attempts left). The PIN never appears in a log line or an exception
     * message.
     */
    default CompletableFuture<Void> enterPin(String pin) {
        return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                getClass().getSimpleName() + " cannot enter a SIM PIN"));
    }

    /**
     * The data profiles stored in the modem (QMI: WDS 3GPP profiles; MBIM: provisioned contexts), in the modem's
     * order. Passwords are never read into them. Fails UNSUPPORTED when the modem cannot list them.
     */
    default CompletableFuture<List<StoredProfile>> storedProfiles() {
        return CompletableFuture.failedFuture(new ModemException(ModemException.Kind.UNSUPPORTED,
                getClass().getSimpleName() + " cannot list the modem's stored profiles"));
    }

    /**
     * Subscribes to events. Returns the subscription; closing it stops delivery (events already being delivered
     * may still arrive). A listener that throws is logged and kept.
     */
    AutoCloseable addListener(ModemListener listener);

    /** Releases the device (and its client IDs per the CidStore rules). Idempotent; never throws. */
    @Override
    void close();
}
