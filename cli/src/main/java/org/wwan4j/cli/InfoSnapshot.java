package org.wwan4j.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemException;
import org.wwan4j.agent.status.Bearer;
import org.wwan4j.agent.status.Counters;
import org.wwan4j.agent.status.Identity;
import org.wwan4j.agent.status.ModemInfo;
import org.wwan4j.agent.status.Power;
import org.wwan4j.agent.status.Registration;
import org.wwan4j.agent.status.Signal;
import org.wwan4j.agent.status.Sim;

/**
 * One read of everything {@code info} shows, all requests in flight together. A part the modem cannot give (no
 * SIM, no signal while offline) is null rather than failing the snapshot; only a modem that answers nothing at all
 * fails it (so a dead port exits with an error, not an empty JSON object).
 */
final class InfoSnapshot {

    private static final Duration BOUND = Modem.REQUEST_TIMEOUT.plusSeconds(5);

    private InfoSnapshot() {
    }

    static ModemInfo read(Modem modem) {
        CompletableFuture<Identity> identity = modem.identity();
        CompletableFuture<Power> power = modem.power();
        CompletableFuture<List<Sim>> sims = modem.sims();
        CompletableFuture<Registration> registration = modem.registration();
        CompletableFuture<Signal> signal = modem.signal();
        CompletableFuture<Optional<BearerSettings>> bearer = modem.bearerSettings();
        CompletableFuture<Counters> counters = modem.counters();
        Identity id = valueOrThrow(identity);
        Optional<BearerSettings> settings = value(bearer);
        Bearer bearerStatus = settings == null || settings.isEmpty() ? Bearer.DISCONNECTED
                : new Bearer(true, null, null, settings.get().ipv4(), settings.get().ipv6(),
                        settings.get().dataFormat());
        Power p = value(power);
        List<Sim> s = value(sims);
        return new ModemInfo(modem.device().toString(), modem.protocol(), id, p == null ? Power.UNKNOWN : p, s,
                value(registration), value(signal), bearerStatus, value(counters), List.of(), null);
    }

    private static <T> T value(CompletableFuture<T> future) {
        try {
            return future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    /** Identity is the one part every modem has: its failure is the modem's failure. */
    private static <T> T valueOrThrow(CompletableFuture<T> future) {
        try {
            return future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ModemException(ModemException.Kind.TIMEOUT, "no answer within " + BOUND.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw ModemException.of(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModemException(ModemException.Kind.IO, "interrupted");
        }
    }
}
