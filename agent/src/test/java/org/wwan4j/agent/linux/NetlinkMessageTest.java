package org.wwan4j.agent.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetlinkMessageTest {

    @Test
    void aBuiltMessageHasItsLengthAndAlignedAttributes() {
        byte[] message = new NetlinkMessage.Builder(Rtnetlink.RTM_NEWLINK, NetlinkMessage.NLM_F_REQUEST, 7)
                .u8(0).u8(0).u16(0).u32(3).u32(0).u32(0)
                .attributeString(Rtnetlink.IFLA_IFNAME, "wwan0")
                .attributeU32(Rtnetlink.IFLA_MTU, 1500)
                .build();
        // 16 header + 16 ifinfomsg + (4 + 6 -> 12) name + 8 mtu
        assertEquals(52, message.length);
        NetlinkMessage.Received parsed = NetlinkMessage.parse(message).getFirst();
        assertEquals(Rtnetlink.RTM_NEWLINK, parsed.type());
        assertEquals(7, parsed.sequence());
        Map<Integer, ByteBuffer> attributes = parsed.attributes(Rtnetlink.IFINFOMSG_BYTES);
        assertEquals("wwan0", NetlinkMessage.string(attributes.get(Rtnetlink.IFLA_IFNAME)));
        assertEquals(1500, attributes.get(Rtnetlink.IFLA_MTU).getInt(0));
    }

    @Test
    void anErrorMessageCarriesTheNegativeErrno() {
        ByteBuffer datagram = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
        datagram.putInt(36).putShort((short) NetlinkMessage.NLMSG_ERROR).putShort((short) 0).putInt(9).putInt(0);
        datagram.putInt(-19); // ENODEV, followed by the offending request's header
        List<NetlinkMessage.Received> messages = NetlinkMessage.parse(datagram.array());
        assertEquals(1, messages.size());
        assertEquals(-19, messages.getFirst().error());
    }

    @Test
    void aTruncatedDatagramIsNotReadPastItsEnd() {
        byte[] message = new NetlinkMessage.Builder(Rtnetlink.RTM_NEWADDR, 0, 1).u32(0).u32(0)
                .attribute(Rtnetlink.IFA_ADDRESS, new byte[] {10, 0, 0, 1}).build();
        byte[] cut = Arrays.copyOf(message, message.length - 2);
        assertEquals(List.of(), NetlinkMessage.parse(cut));
        byte[] header = Arrays.copyOf(message, message.length);
        ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).putShort(24, (short) 200); // attribute claims 200 bytes
        assertEquals(Map.of(), NetlinkMessage.parse(header).getFirst().attributes(8));
        assertArrayEquals(new byte[] {10, 0, 0, 1},
                NetlinkMessage.bytes(NetlinkMessage.parse(message).getFirst().attributes(8).get(Rtnetlink.IFA_ADDRESS)));
    }
}
