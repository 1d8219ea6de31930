package org.wwan4j.emulator.mbim.basicconnect;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.channel.MbimSubscriptions;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;

/**
 * MBIM_CID_DEVICE_SERVICE_SUBSCRIBE_LIST set: the host names the notifications it wants (a count and references to
 * entries of service UUID, CID count, CIDs); the function filters its indications accordingly and echoes the list.
 */
public final class DeviceServiceSubscribeList implements MbimCidHandler {
    /** An entry needs at least its service UUID and CID count. */
    private static final int ENTRY_HEADER_LENGTH = 20;

    private final MbimSubscriptions subscriptions;

    public DeviceServiceSubscribeList(MbimSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.DEVICE_SERVICE_SUBSCRIBE_LIST;
    }

    @Override
    public MbimReply set(MbimCommand command) throws MbimParseException {
        InformationBufferReader request = new InformationBufferReader(command.informationBuffer());
        long count = Integer.toUnsignedLong(request.u32(0));
        request.requireAtLeast(4 + 8 * count, "subscribe list references");
        Map<UUID, Set<Integer>> wanted = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int entry = request.u32(4 + 8 * i);
            UUID service = request.uuid(entry);
            long cidCount = Integer.toUnsignedLong(request.u32(entry + 16));
            request.requireAtLeast(Integer.toUnsignedLong(entry) + ENTRY_HEADER_LENGTH + 4 * cidCount,
                    "subscribe list CIDs");
            Set<Integer> cids = new LinkedHashSet<>();
            for (int c = 0; c < cidCount; c++) {
                cids.add(request.u32(entry + ENTRY_HEADER_LENGTH + 4 * c));
            }
            wanted.put(service, cids);
        }
        subscriptions.set(wanted);
        InformationBufferWriter out = new InformationBufferWriter().u32(wanted.size());
        wanted.forEach((service, cids) -> {
            InformationBufferWriter entry = new InformationBufferWriter().uuid(service).u32(cids.size());
            cids.forEach(entry::u32);
            out.structRef(entry);
        });
        return MbimReply.ok(out.toByteArray());
    }
}
