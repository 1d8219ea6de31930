package org.wwan4j.agent.modem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wwan4j.agent.config.Protocol;
import org.wwan4j.agent.testing.ScriptedModem;

@Timeout(60)
class ModemFactoriesTest {

    private static final Path PORT = Path.of("/dev/cdc-wdm0");

    private final List<String> opened = new CopyOnWriteArrayList<>();

    private ModemFactory answering(String name, ScriptedModem modem) {
        return (device, protocol) -> {
            opened.add(name + ":" + protocol.jsonName());
            return CompletableFuture.completedFuture(modem);
        };
    }

    private ModemFactory failing(String name, ModemException.Kind kind) {
        return (device, protocol) -> {
            opened.add(name + ":" + protocol.jsonName());
            return CompletableFuture.failedFuture(new ModemException(kind, name + " does not answer"));
        };
    }

    private static ModemException failure(CompletableFuture<Modem> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return ModemException.of(e.getCause());
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void anExplicitProtocolGoesToItsFactory() throws Exception {
        ScriptedModem mbim = new ScriptedModem(PORT);
        ModemFactories factories = ModemFactories.builder().register(Protocol.QMI, failing("qmi", ModemException.Kind.IO))
                .register(Protocol.MBIM, answering("mbim", mbim)).build();
        assertSame(mbim, factories.open(PORT, Protocol.MBIM).get(30, TimeUnit.SECONDS));
        assertEquals(List.of("mbim:mbim"), opened);
    }

    @Test
    void aShareablePortIsAskedOfTheFactoryThatOpensIt() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        ModemFactory mbim = new ModemFactory() {
            @Override
            public CompletableFuture<Modem> open(Path device, Protocol protocol) {
                throw new AssertionError("the shareable flag was dropped on the way");
            }

            @Override
            public CompletableFuture<Modem> open(Path device, Protocol protocol, boolean shareable) {
                asked.add(protocol.jsonName() + ",shareable=" + shareable);
                return CompletableFuture.completedFuture(new ScriptedModem(device));
            }
        };
        ModemFactories factories = ModemFactories.builder()
                .register(Protocol.QMI, failing("qmi", ModemException.Kind.TIMEOUT))
                .register(Protocol.MBIM, mbim).build();

        factories.open(PORT, Protocol.MBIM, true).get(30, TimeUnit.SECONDS);
        factories.open(PORT, Protocol.AUTO, true).get(30, TimeUnit.SECONDS);
        factories.open(PORT, Protocol.MBIM).get(30, TimeUnit.SECONDS);
        assertEquals(List.of("mbim,shareable=true", "mbim,shareable=true", "mbim,shareable=false"), asked);
    }

    @Test
    void autoFollowsTheDriverSysfsNames() throws Exception {
        ScriptedModem qmi = new ScriptedModem(PORT);
        ModemFactories factories = ModemFactories.builder().register(Protocol.QMI, answering("qmi", qmi))
                .register(Protocol.MBIM, failing("mbim", ModemException.Kind.IO))
                .driverProtocol(path -> path.equals(PORT) ? Protocol.QMI : null).build();
        assertSame(qmi, factories.open(PORT, Protocol.AUTO).get(30, TimeUnit.SECONDS));
        assertEquals(List.of("qmi:qmi"), opened);
    }

    @Test
    void aBarePathIsTriedWithQmiThenMbim() throws Exception {
        ScriptedModem mbim = new ScriptedModem(PORT);
        ModemFactories factories = ModemFactories.builder().register(Protocol.QMI, failing("qmi", ModemException.Kind.TIMEOUT))
                .register(Protocol.MBIM, answering("mbim", mbim)).build();
        assertSame(mbim, factories.open(PORT, Protocol.AUTO).get(30, TimeUnit.SECONDS));
        assertEquals(List.of("qmi:qmi", "mbim:mbim"), opened);
    }

    @Test
    void aTryThatHangsIsBoundedAndClosedIfItAnswersLate() throws Exception {
        CompletableFuture<Modem> late = new CompletableFuture<>();
        ScriptedModem lateModem = new ScriptedModem(PORT);
        ScriptedModem mbim = new ScriptedModem(PORT);
        ModemFactories factories = ModemFactories.builder()
                .register(Protocol.QMI, (device, protocol) -> late)
                .register(Protocol.MBIM, answering("mbim", mbim))
                .probeBound(Duration.ofMillis(200)).build();
        assertSame(mbim, factories.open(PORT, Protocol.AUTO).get(30, TimeUnit.SECONDS));
        late.complete(lateModem);
        assertTrue(lateModem.isClosed(), "a modem that answered after its try was abandoned is closed");
    }

    @Test
    void aProtocolWithoutAFactoryIsUnsupported() throws Exception {
        ModemFactories factories = ModemFactories.builder().register(Protocol.QMI, answering("qmi", null)).build();
        assertEquals(ModemException.Kind.UNSUPPORTED, failure(factories.open(PORT, Protocol.MBIM)).kind());
    }

    @Test
    void whenEveryProtocolFailsTheLastFailureIsReported() throws Exception {
        ModemFactories factories = ModemFactories.builder().register(Protocol.QMI, failing("qmi", ModemException.Kind.IO))
                .register(Protocol.MBIM, failing("mbim", ModemException.Kind.TIMEOUT)).build();
        ModemException e = failure(factories.open(PORT, Protocol.AUTO));
        assertEquals(ModemException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("mbim"), e::getMessage);
    }
}
