package org.wwan4j.emulator.mbim.basicconnect;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.codec.MbimStatus;
import org.wwan4j.emulator.model.EmulatedBearer;
import org.wwan4j.emulator.model.EmulatedIpSettings;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_IP_CONFIGURATION: the addresses, gateway, DNS servers and MTU of the connected session. Addresses are
 * arrays of (prefix length, address) elements; gateway and DNS are referenced by bare offsets, their counts given
 * in separate fields.
 */
public final class IpConfiguration implements MbimCidHandler {
    static final int AVAILABLE_ADDRESS = 1;
    static final int AVAILABLE_GATEWAY = 1 << 1;
    static final int AVAILABLE_DNS = 1 << 2;
    static final int AVAILABLE_MTU = 1 << 3;

    private final ModemState state;

    public IpConfiguration(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.IP_CONFIGURATION;
    }

    @Override
    public MbimReply query(MbimCommand command) throws MbimParseException {
        int sessionId = new InformationBufferReader(command.informationBuffer()).u32(0);
        EmulatedBearer bearer = state.bearer();
        if (sessionId != Connect.SESSION_ID || !bearer.connected()) {
            return MbimReply.failure(MbimStatus.CONTEXT_NOT_ACTIVATED);
        }
        Family v4 = Family.of(bearer.ipv4());
        Family v6 = Family.of(bearer.ipv6());
        InformationBufferWriter out = new InformationBufferWriter()
                .u32(sessionId)
                .u32(v4.availability())
                .u32(v6.availability())
                .u32(v4.addressCount()).offsetTo(v4.addressElements())
                .u32(v6.addressCount()).offsetTo(v6.addressElements())
                .offsetTo(v4.gateway())
                .offsetTo(v6.gateway())
                .u32(v4.dnsCount()).offsetTo(v4.dns())
                .u32(v6.dnsCount()).offsetTo(v6.dns())
                .u32(v4.present() ? bearer.mtu() : 0)
                .u32(v6.present() ? bearer.mtu() : 0);
        return MbimReply.ok(out.toByteArray());
    }

    /** One address family encoded the MBIM way; all empty when the family is not up. */
    private record Family(boolean present, byte[] addressElements, byte[] gateway, byte[] dns, int dnsCount) {
        static Family of(EmulatedIpSettings settings) {
            if (settings == null) {
                return new Family(false, new byte[0], new byte[0], new byte[0], 0);
            }
            byte[] address = raw(settings.address());
            ByteBuffer element = ByteBuffer.allocate(4 + address.length).order(ByteOrder.LITTLE_ENDIAN);
            element.putInt(settings.prefix()).put(address);
            ByteArrayOutputStream servers = new ByteArrayOutputStream();
            settings.dns().forEach(server -> servers.writeBytes(raw(server)));
            return new Family(true, element.array(), settings.gateway() == null ? new byte[0] : raw(settings.gateway()),
                    servers.toByteArray(), settings.dns().size());
        }

        int addressCount() {
            return present ? 1 : 0;
        }

        int availability() {
            if (!present) {
                return 0;
            }
            return AVAILABLE_ADDRESS | AVAILABLE_MTU | (gateway.length > 0 ? AVAILABLE_GATEWAY : 0)
                    | (dnsCount > 0 ? AVAILABLE_DNS : 0);
        }

        /** The model holds literal addresses, so this never touches DNS. */
        private static byte[] raw(String literal) {
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("model holds a non-literal address " + literal, e);
            }
        }
    }
}
