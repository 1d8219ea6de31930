package org.wwan4j.agent.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.BearerProfile;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.KernelDataFormat;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemListener;
import org.wwan4j.agent.modem.ScanProgress;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.DataFormat;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.IpSettings;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Provider;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.RegistrationState;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;
import org.wwan4j.agent.status.SimState;
import org.wwan4j.agent.status.SimType;

/**
 * An in-memory {@link Modem} for tests: answers from fields the test sets, records every call in order, and emits
 * events on request. Requests complete at once unless the test makes a method fail or hang.
 */
public final class ScriptedModem implements Modem {

    public static final Identity IDENTITY = new Identity("356789012345678", "Quectel", "EM12", "EM12GPAR01A21M4G");
    /** What {@link #identity()} answers; a test sets it for a modem that names less (MBIM names no manufacturer). */
    public volatile Identity identity = IDENTITY;
    public static final IpSettings IPV4 = new IpSettings("10.1.2.3", 30, "10.1.2.1", List.of("10.0.0.53"), 1430);

    public final Path device;
    public volatile Power power = Power.LOW_POWER;
    public volatile List<Sim> sims = List.of(new Sim(1, true, SimState.PRESENT, "8944000000000000001", "234150000000001",
            SimType.PHYSICAL));
    /** What the modem registers to when online. */
    public volatile Registration network = new Registration(RegistrationState.HOME, "234", "15", "Vodafone",
            List.of(Rat.LTE));
    public volatile Registration registration = network;
    public volatile Signal signal = new Signal(-65, -9, -95, 12.5);
    public volatile BearerSettings bearer;
    public volatile BearerSettings connectGives = new BearerSettings(IPV4, null);
    public volatile Counters counters = new Counters(100L, 200L, 3L, 4L, 0L, 1L, 0L, 0L);
    public volatile List<Provider> providers = List.of();
    /** Whether registration follows power: online registers, low power deregisters (like a real modem). */
    public volatile boolean registersWhenOnline = true;
    /**
     * A modem that stopped answering: every request fails TIMEOUT at once, as a real one does when its bound runs
     * out (virtual time makes the wait itself uninteresting).
     */
    public volatile boolean unanswered;
    /** Traffic flows: every counters read finds the receive counters 1000 bytes / 10 packets further. */
    public volatile boolean trafficFlows;
    /** The data format the last {@link #useDataFormat} said the model needs (not a call: it asks the modem nothing). */
    public volatile DataFormat modelNeeds;

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<ModemListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final Set<String> hanging = new HashSet<>();
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    private volatile boolean closed;

    public ScriptedModem(Path device) {
        this.device = device;
    }

    /** Every call so far, e.g. "setPower(online)", "connect(internet,roaming=true)". */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void clearCalls() {
        calls.clear();
    }

    /** Calls whose text starts with the prefix. */
    public List<String> calls(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    public synchronized void failNext(String method, RuntimeException failure) {
        failures.put(method, failure);
    }

    public synchronized void hang(String method) {
        hanging.add(method);
    }

    public synchronized void unhang(String method) {
        hanging.remove(method);
    }

    public void emit(ModemEvent event) {
        for (ModemListener listener : listeners) {
            listener.onEvent(event);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    public int listenerCount() {
        return listeners.size();
    }

    private <T> CompletableFuture<T> answer(String method, String call, Supplier<T> value) {
        calls.add(call);
        if (unanswered) {
            return CompletableFuture.failedFuture(new org.wwan4j.agent.modem.ModemException(
                    org.wwan4j.agent.modem.ModemException.Kind.TIMEOUT, method + ": no answer (scripted)"));
        }
        synchronized (this) {
            RuntimeException failure = failures.remove(method);
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            if (hanging.contains(method)) {
                CompletableFuture<T> never = new CompletableFuture<>();
                pending.add(never);
                return never;
            }
        }
        return CompletableFuture.completedFuture(value.get());
    }

    @Override
    public Path device() {
        return device;
    }

    @Override
    public Protocol protocol() {
        return Protocol.QMI;
    }

    @Override
    public CompletableFuture<Identity> identity() {
        return answer("identity", "identity", () -> identity);
    }

    @Override
    public CompletableFuture<Power> power() {
        return answer("power", "power", () -> power);
    }

    @Override
    public CompletableFuture<Void> setPower(Power p) {
        return answer("setPower", "setPower(" + p.jsonName() + ")", () -> {
            power = p;
            if (registersWhenOnline) {
                registration = p == Power.ONLINE ? network
                        : new Registration(RegistrationState.IDLE, null, null, null, List.of());
            }
            if (p != Power.ONLINE) {
                bearer = null;
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Sim>> sims() {
        return answer("sims", "sims", () -> sims);
    }

    @Override
    public CompletableFuture<Void> switchSimSlot(int slot) {
        return answer("switchSimSlot", "switchSimSlot(" + slot + ")", () -> {
            sims = sims.stream().map(s -> new Sim(s.slot(), s.slot() == slot,
                    s.slot() == slot && s.state() == SimState.INACTIVE ? SimState.PRESENT
                            : s.slot() != slot && s.state() == SimState.PRESENT ? SimState.INACTIVE : s.state(),
                    s.iccid(), s.imsi(), s.type())).toList();
            return null;
        });
    }

    @Override
    public CompletableFuture<Registration> registration() {
        return answer("registration", "registration", () -> registration);
    }

    @Override
    public CompletableFuture<Signal> signal() {
        return answer("signal", "signal", () -> signal);
    }

    @Override
    public CompletableFuture<Void> setPreferences(List<Rat> rats, List<String> plmns) {
        return answer("setPreferences", "setPreferences(" + rats + "," + plmns + ")", () -> null);
    }

    @Override
    public CompletableFuture<Void> setAttachProfile(BearerProfile profile) {
        return answer("setAttachProfile", "setAttachProfile(" + (profile == null ? null : profile.apn()) + ")",
                () -> null);
    }

    @Override
    public void useDataFormat(KernelDataFormat kernel, DataFormat modelNeeds) {
        this.modelNeeds = modelNeeds;
    }

    @Override
    public CompletableFuture<BearerSettings> connect(BearerProfile profile, boolean allowRoaming) {
        return answer("connect", "connect(" + profile.apn() + ",roaming=" + allowRoaming + ")", () -> {
            bearer = connectGives;
            return connectGives;
        });
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        return answer("disconnect", "disconnect", () -> {
            bearer = null;
            return null;
        });
    }

    @Override
    public CompletableFuture<Optional<BearerSettings>> bearerSettings() {
        return answer("bearerSettings", "bearerSettings", () -> Optional.ofNullable(bearer));
    }

    @Override
    public CompletableFuture<Counters> counters() {
        return answer("counters", "counters", () -> {
            Counters c = counters;
            if (trafficFlows && c.rxBytes() != null) {
                c = new Counters(c.txBytes(), c.rxBytes() + 1000, c.txPackets(), c.rxPackets() + 10, c.txDrops(),
                        c.rxDrops(), c.txErrors(), c.rxErrors());
                counters = c;
            }
            return c;
        });
    }

    @Override
    public CompletableFuture<List<Provider>> scanProviders(Consumer<ScanProgress> progress) {
        return answer("scanProviders", "scanProviders", () -> {
            progress.accept(new ScanProgress(Duration.ofSeconds(10), SCAN_TIMEOUT, 0));
            return providers;
        });
    }

    @Override
    public CompletableFuture<Void> startLocation(Duration interval) {
        return answer("startLocation", "startLocation(" + interval.toSeconds() + "s)", () -> null);
    }

    @Override
    public CompletableFuture<Void> stopLocation() {
        return answer("stopLocation", "stopLocation", () -> null);
    }

    /** Like a modem restart: radio back online (the firmware default), no bearer, registered again. */
    @Override
    public CompletableFuture<Void> reset() {
        return answer("reset", "reset", () -> {
            bearer = null;
            power = Power.ONLINE;
            registration = network;
            return null;
        });
    }

    @Override
    public AutoCloseable addListener(ModemListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        calls.add("close");
    }
}
