package org.wwan4j.agent.mbim;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.wwan4j.agent.config.Rat;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.modem.ModemException.Kind;
import org.wwan4j.mbim.BasicConnect;
import org.wwan4j.mbim.CellularClass;
import org.wwan4j.mbim.DataClass;
import org.wwan4j.mbim.Provider;
import org.wwan4j.mbim.RegisterAction;

/**
 * RAT and operator preferences in the terms MBIM has for them. RATs: an automatic Register State set whose data
 * class names the allowed technologies (what ModemManager's "current modes" sends on MBIM); MBIM has no order
 * among them, so the first RAT of the list is not preferred over the others. Operators: the Basic Connect
 * preferred providers list (the SIM's PLMN selector). An empty part is left as the modem has it.
 */
final class MbimPreferences {

    /** Neither the cellular class nor signal values mean anything in a list the host writes. */
    private static final long UNKNOWN_SIGNAL = 99;

    private final BasicConnect basic;
    private final MbimRequester requester;

    MbimPreferences(BasicConnect basic, MbimRequester requester) {
        this.basic = basic;
        this.requester = requester;
    }

    CompletableFuture<Void> set(List<Rat> rats, List<String> plmns) {
        CompletableFuture<Void> ratsSet = rats.isEmpty() ? CompletableFuture.completedFuture(null)
                : requester.call(timeout -> basic.setRegisterState("", RegisterAction.AUTOMATIC, dataClasses(rats),
                        timeout), Modem.REQUEST_TIMEOUT, "register state (preferred data classes)")
                        .thenApply(ignored -> (Void) null)
                        .exceptionallyCompose(error -> unsupported(error, "preferred RATs (Register State data class)"));
        CompletableFuture<Void> chain = ratsSet.thenCompose(ignored -> plmns.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : requester.call(timeout -> basic.setPreferredProviders(providers(plmns), timeout),
                        Modem.REQUEST_TIMEOUT, "preferred providers")
                        .thenApply(set -> (Void) null)
                        .exceptionallyCompose(error -> unsupported(error, "preferred PLMNs (preferred providers)")));
        return MbimCalls.boundedChain(chain, Modem.REQUEST_TIMEOUT.multipliedBy(2), "set preferences");
    }

    private static CompletableFuture<Void> unsupported(Throwable error, String what) {
        return CompletableFuture.failedFuture(MbimErrors.isUnsupported(error)
                ? new ModemException(Kind.UNSUPPORTED, "the modem does not take " + what + " over MBIM")
                : error);
    }

    /** Each RAT as the data classes that make it up; 5G NR allows both NSA and SA. */
    static Set<DataClass> dataClasses(List<Rat> rats) {
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        for (Rat rat : rats) {
            switch (rat) {
                case GSM -> classes.addAll(List.of(DataClass.GPRS, DataClass.EDGE));
                case UMTS -> classes.addAll(List.of(DataClass.UMTS, DataClass.HSDPA, DataClass.HSUPA));
                case LTE -> classes.add(DataClass.LTE);
                case NR5G -> classes.addAll(List.of(DataClass._5G_NSA, DataClass._5G_SA));
            }
        }
        return classes;
    }

    /** MCCMNC strings as MBIM providers: the id is the digits themselves, leading zeros kept. */
    static List<Provider> providers(List<String> plmns) {
        return plmns.stream().map(plmn -> new Provider(plmn, 0, "", CellularClass.GSM.value(), UNKNOWN_SIGNAL,
                UNKNOWN_SIGNAL)).toList();
    }
}
