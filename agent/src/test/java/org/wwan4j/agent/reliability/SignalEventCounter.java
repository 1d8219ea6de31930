package org.wwan4j.agent.reliability;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.modem.Modem;
import org.wwan4j.agent.modem.ModemEvent;
import org.wwan4j.agent.modem.ModemFactory;

/**
 * A modem factory that counts the signal events every modem it opens delivers to the agent: the indications that
 * made it through libqmi/libmbim and the bindings, whatever the supervisors then did with them.
 */
final class SignalEventCounter implements ModemFactory {

    private final ModemFactory inner;
    private final AtomicLong delivered = new AtomicLong();

    SignalEventCounter(ModemFactory inner) {
        this.inner = inner;
    }

    @Override
    public CompletableFuture<Modem> open(Path device, Protocol protocol) {
        return inner.open(device, protocol).thenApply(modem -> {
            modem.addListener(event -> {
                if (event instanceof ModemEvent.SignalChanged) {
                    delivered.incrementAndGet();
                }
            });
            return modem;
        });
    }

    long delivered() {
        return delivered.get();
    }
}
