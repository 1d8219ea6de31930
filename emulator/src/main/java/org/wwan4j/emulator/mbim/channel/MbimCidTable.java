package org.wwan4j.emulator.mbim.channel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ObjIntConsumer;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes a complete COMMAND to the handler of its (service, CID); anything unknown is NO_DEVICE_SUPPORT. */
public final class MbimCidTable {
    private static final Logger LOG = LoggerFactory.getLogger(MbimCidTable.class);

    private record Key(UUID service, int cid) {
    }

    private final Map<Key, MbimCidHandler> handlers = new HashMap<>();
    private final ObjIntConsumer<UUID> commandSeen;

    public MbimCidTable(List<? extends MbimCidHandler> all) {
        this(all, (service, cid) -> { });
    }

    /** @param commandSeen told of every complete COMMAND (service, cid), known or not, e.g. for statistics */
    public MbimCidTable(List<? extends MbimCidHandler> all, ObjIntConsumer<UUID> commandSeen) {
        this.commandSeen = commandSeen;
        for (MbimCidHandler handler : all) {
            handlers.put(new Key(handler.service(), handler.cid()), handler);
        }
    }

    public MbimReply dispatch(MbimCommand command) {
        commandSeen.accept(command.service(), command.cid());
        MbimCidHandler handler = handlers.get(new Key(command.service(), command.cid()));
        if (handler == null) {
            LOG.debug("no handler for service {} cid {}", command.service(), command.cid());
            return MbimReply.failure(MbimStatus.NO_DEVICE_SUPPORT);
        }
        try {
            if (command.isQuery()) {
                return handler.query(command);
            }
            if (command.isSet()) {
                return handler.set(command);
            }
            return MbimReply.failure(MbimStatus.INVALID_PARAMETERS);
        } catch (MbimParseException e) {
            LOG.info("bad information buffer for {} cid {}: {}", handler.getClass().getSimpleName(), command.cid(),
                    e.getMessage());
            return MbimReply.failure(e.code());
        } catch (RuntimeException e) {
            // A bug in one CID must not take the port down: the host gets FAILURE and the emulator keeps serving.
            LOG.warn("handler {} failed", handler.getClass().getSimpleName(), e);
            return MbimReply.failure(MbimStatus.FAILURE);
        }
    }
}
