package org.wwan4j.emulator.mbim.basicconnect;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;

/**
 * MBIM_CID_DEVICE_SERVICES: the services and CIDs the function supports, taken from the CID table itself so the
 * list cannot drift from what is served. Hosts (ModemManager, libmbim with MBIMEx) read it to decide which
 * optional services to use. No device service streams are offered.
 */
public final class DeviceServices implements MbimCidHandler {
    private final Map<UUID, List<Integer>> cidsByService;

    public DeviceServices(Map<UUID, List<Integer>> cidsByService) {
        this.cidsByService = Map.copyOf(cidsByService);
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.DEVICE_SERVICES;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        InformationBufferWriter out = new InformationBufferWriter().u32(cidsByService.size()).u32(0);
        cidsByService.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    InformationBufferWriter element = new InformationBufferWriter()
                            .uuid(entry.getKey())
                            .u32(0) // DssPayload: no device service streams
                            .u32(0) // MaxDssInstances
                            .u32(entry.getValue().size());
                    entry.getValue().stream().sorted().forEach(element::u32);
                    out.structRef(element);
                });
        return MbimReply.ok(out.toByteArray());
    }
}
