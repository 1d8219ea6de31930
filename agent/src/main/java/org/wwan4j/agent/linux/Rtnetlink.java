package org.wwan4j.agent.linux;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rtnetlink requests the agent needs to put a bearer's IP settings on its interface: link up and down, MTU,
 * addresses, the default route with a metric, and read-back of all three. Each request asks for an ACK; a
 * refusal becomes a {@link NetlinkException} naming the operation, the interface and strerror. Every wait is
 * bounded by {@link #REPLY_TIMEOUT}. Thread-safe (requests are serialised on the one socket).
 */
public final class Rtnetlink implements AutoCloseable {

    /** The kernel answers rtnetlink within microseconds; a second means something is badly wrong. */
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(2);

    static final int RTM_NEWLINK = 16;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;

    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int IFF_UP = 0x1;
    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    /** Modem links are point-to-point to the network: duplicate address detection only delays the address. */
    static final int IFA_F_NODAD = 0x02;
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_PRIORITY = 6;
    static final int RTA_TABLE = 15;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RTPROT_STATIC = 4;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RT_SCOPE_NOWHERE = 255;
    static final int RTN_UNICAST = 1;
    static final int RTNH_F_ONLINK = 4;

    static final int IFINFOMSG_BYTES = 16;
    static final int IFADDRMSG_BYTES = 8;
    static final int RTMSG_BYTES = 12;

    /** A link as the kernel reports it. */
    public record LinkState(int index, String name, boolean up, int mtu) {
    }

    /** An address on an interface. */
    public record AddressEntry(InetAddress address, int prefix) {
    }

    /**
     * A route leaving through an interface.
     *
     * @param destination null for a default route
     * @param gateway     null for an on-link route
     */
    public record RouteEntry(InetAddress destination, int destinationPrefix, InetAddress gateway, long metric,
            int protocol, int table) {

        public boolean isDefault() {
            return destinationPrefix == 0;
        }
    }

    private final NetlinkSocket socket;
    private int sequence = (int) (System.nanoTime() & 0x7FFF_FFFF);

    private Rtnetlink(NetlinkSocket socket) {
        this.socket = socket;
    }

    public static Rtnetlink open() throws IOException {
        return new Rtnetlink(NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 0));
    }

    /** The interface's kernel index. */
    public int interfaceIndex(String interfaceName) throws NetlinkException {
        Libc.Result index = Libc.ifNameToIndex(interfaceName);
        if (index.value() <= 0) {
            throw new NetlinkException("look up", interfaceName, index.errno(), Libc.strerror(index.errno()));
        }
        return (int) index.value();
    }

    public synchronized void setLinkUp(String interfaceName, boolean up) throws IOException {
        int index = interfaceIndex(interfaceName);
        byte[] request = new NetlinkMessage.Builder(RTM_NEWLINK, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK,
                nextSequence())
                .u8(AF_UNSPEC).u8(0).u16(0).u32(index).u32(up ? IFF_UP : 0).u32(IFF_UP)
                .build();
        acknowledge(request, up ? "set link up" : "set link down", interfaceName);
    }

    public synchronized void setMtu(String interfaceName, int mtu) throws IOException {
        int index = interfaceIndex(interfaceName);
        byte[] request = new NetlinkMessage.Builder(RTM_NEWLINK, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK,
                nextSequence())
                .u8(AF_UNSPEC).u8(0).u16(0).u32(index).u32(0).u32(0)
                .attributeU32(IFLA_MTU, mtu)
                .build();
        acknowledge(request, "set MTU " + mtu, interfaceName);
    }

    /** Adds the address, or updates it if present (like {@code ip addr replace}). */
    public synchronized void addAddress(String interfaceName, InetAddress address, int prefix) throws IOException {
        int index = interfaceIndex(interfaceName);
        byte[] request = addressMessage(RTM_NEWADDR,
                NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK | NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_REPLACE,
                index, address, prefix);
        acknowledge(request, "add address " + address.getHostAddress() + "/" + prefix, interfaceName);
    }

    public synchronized void deleteAddress(String interfaceName, InetAddress address, int prefix) throws IOException {
        int index = interfaceIndex(interfaceName);
        byte[] request = addressMessage(RTM_DELADDR, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK, index,
                address, prefix);
        acknowledge(request, "delete address " + address.getHostAddress() + "/" + prefix, interfaceName);
    }

    /** Deletes every address of every family; the kernel drops the routes that depended on them. */
    public synchronized void flushAddresses(String interfaceName) throws IOException {
        for (AddressEntry entry : addresses(interfaceName)) {
            deleteAddress(interfaceName, entry.address(), entry.prefix());
        }
    }

    /**
     * Adds a default route via the gateway, main table, proto static, with the metric. Other interfaces' default
     * routes stay (this is {@code ip route append}, not replace: the metric decides between uplinks). Adding a
     * route that is already there fails with EEXIST.
     *
     * @param onLink take the gateway as directly reachable through the interface even if no address prefix
     *               covers it ({@code ip route ... onlink}); needed when the network hands out a /32
     */
    public synchronized void addDefaultRoute(String interfaceName, InetAddress gateway, long metric, boolean onLink)
            throws IOException {
        int index = interfaceIndex(interfaceName);
        byte[] request = routeMessage(RTM_NEWROUTE,
                NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK | NetlinkMessage.NLM_F_CREATE,
                RTPROT_STATIC, RT_SCOPE_UNIVERSE, onLink ? RTNH_F_ONLINK : 0, index, gateway, metric);
        acknowledge(request, "add default route via " + gateway.getHostAddress() + " metric " + metric
                + (onLink ? " onlink" : ""), interfaceName);
    }

    public synchronized void deleteDefaultRoute(String interfaceName, InetAddress gateway, long metric) throws IOException {
        int index = interfaceIndex(interfaceName);
        // Protocol 0 and scope "nowhere" match any route with this gateway, interface and metric.
        byte[] request = routeMessage(RTM_DELROUTE, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_ACK, 0,
                RT_SCOPE_NOWHERE, 0, index, gateway, metric);
        acknowledge(request, "delete default route via " + gateway.getHostAddress() + " metric " + metric,
                interfaceName);
    }

    public synchronized LinkState link(String interfaceName) throws IOException {
        int index = interfaceIndex(interfaceName);
        byte[] request = new NetlinkMessage.Builder(RTM_GETLINK, NetlinkMessage.NLM_F_REQUEST, nextSequence())
                .u8(AF_UNSPEC).u8(0).u16(0).u32(index).u32(0).u32(0)
                .build();
        for (NetlinkMessage.Received reply : exchange(request, "read link", interfaceName, false)) {
            if (reply.type() == RTM_NEWLINK) {
                ByteBuffer p = reply.payload();
                Map<Integer, ByteBuffer> attributes = reply.attributes(IFINFOMSG_BYTES);
                ByteBuffer mtu = attributes.get(IFLA_MTU);
                ByteBuffer name = attributes.get(IFLA_IFNAME);
                return new LinkState(p.getInt(4), name == null ? interfaceName : NetlinkMessage.string(name),
                        (p.getInt(8) & IFF_UP) != 0, mtu == null ? 0 : mtu.getInt(0));
            }
        }
        throw new NetlinkException("read link", interfaceName, 0, "no link in the kernel's reply");
    }

    public synchronized List<AddressEntry> addresses(String interfaceName) throws IOException {
        int index = interfaceIndex(interfaceName);
        byte[] request = new NetlinkMessage.Builder(RTM_GETADDR, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_DUMP,
                nextSequence())
                .u8(AF_UNSPEC).u8(0).u8(0).u8(0).u32(0)
                .build();
        List<AddressEntry> entries = new ArrayList<>();
        for (NetlinkMessage.Received reply : exchange(request, "read addresses", interfaceName, true)) {
            ByteBuffer p = reply.payload();
            if (reply.type() != RTM_NEWADDR || p.getInt(4) != index) {
                continue;
            }
            Map<Integer, ByteBuffer> attributes = reply.attributes(IFADDRMSG_BYTES);
            ByteBuffer local = attributes.getOrDefault(IFA_LOCAL, attributes.get(IFA_ADDRESS));
            if (local != null) {
                entries.add(new AddressEntry(address(local), Byte.toUnsignedInt(p.get(1))));
            }
        }
        return entries;
    }

    /** Routes of the main table leaving through the interface, both families. */
    public synchronized List<RouteEntry> routes(String interfaceName) throws IOException {
        int index = interfaceIndex(interfaceName);
        byte[] request = new NetlinkMessage.Builder(RTM_GETROUTE, NetlinkMessage.NLM_F_REQUEST | NetlinkMessage.NLM_F_DUMP,
                nextSequence())
                .u8(AF_UNSPEC).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0)
                .build();
        List<RouteEntry> entries = new ArrayList<>();
        for (NetlinkMessage.Received reply : exchange(request, "read routes", interfaceName, true)) {
            if (reply.type() != RTM_NEWROUTE) {
                continue;
            }
            ByteBuffer p = reply.payload();
            Map<Integer, ByteBuffer> attributes = reply.attributes(RTMSG_BYTES);
            ByteBuffer oif = attributes.get(RTA_OIF);
            ByteBuffer tableAttribute = attributes.get(RTA_TABLE);
            int table = tableAttribute != null ? tableAttribute.getInt(0) : Byte.toUnsignedInt(p.get(4));
            if (oif == null || oif.getInt(0) != index || table != RT_TABLE_MAIN) {
                continue;
            }
            ByteBuffer destination = attributes.get(RTA_DST);
            ByteBuffer gateway = attributes.get(RTA_GATEWAY);
            ByteBuffer priority = attributes.get(RTA_PRIORITY);
            entries.add(new RouteEntry(destination == null ? null : address(destination), Byte.toUnsignedInt(p.get(1)),
                    gateway == null ? null : address(gateway),
                    priority == null ? 0 : Integer.toUnsignedLong(priority.getInt(0)),
                    Byte.toUnsignedInt(p.get(5)), table));
        }
        return entries;
    }

    private byte[] addressMessage(int type, int flags, int index, InetAddress address, int prefix) {
        boolean v6 = address instanceof Inet6Address;
        return new NetlinkMessage.Builder(type, flags, nextSequence())
                .u8(v6 ? AF_INET6 : AF_INET).u8(prefix).u8(v6 ? IFA_F_NODAD : 0).u8(RT_SCOPE_UNIVERSE).u32(index)
                .attribute(IFA_LOCAL, address.getAddress())
                .attribute(IFA_ADDRESS, address.getAddress())
                .build();
    }

    private byte[] routeMessage(int type, int flags, int protocol, int scope, int routeFlags, int index,
            InetAddress gateway, long metric) {
        boolean v6 = gateway instanceof Inet6Address;
        return new NetlinkMessage.Builder(type, flags, nextSequence())
                // rtmsg: family, dst_len 0 (default), src_len, tos, table, protocol, scope, type, flags
                .u8(v6 ? AF_INET6 : AF_INET).u8(0).u8(0).u8(0).u8(RT_TABLE_MAIN).u8(protocol).u8(scope).u8(RTN_UNICAST)
                .u32(routeFlags)
                .attributeU32(RTA_TABLE, RT_TABLE_MAIN)
                .attribute(RTA_GATEWAY, gateway.getAddress())
                .attributeU32(RTA_OIF, index)
                .attributeU32(RTA_PRIORITY, (int) metric)
                .build();
    }

    private int nextSequence() {
        sequence = sequence == Integer.MAX_VALUE ? 1 : sequence + 1;
        return sequence;
    }

    private void acknowledge(byte[] request, String operation, String interfaceName) throws IOException {
        exchange(request, operation, interfaceName, false);
    }

    /**
     * Sends the request and collects the replies carrying its sequence number: up to NLMSG_DONE for a dump, else
     * up to the first reply or ACK. An NLMSG_ERROR with a nonzero code is thrown as a {@link NetlinkException}.
     */
    private List<NetlinkMessage.Received> exchange(byte[] request, String operation, String interfaceName, boolean dump)
            throws IOException {
        int expected = ByteBuffer.wrap(request).order(ByteOrder.nativeOrder()).getInt(8);
        socket.send(request);
        List<NetlinkMessage.Received> replies = new ArrayList<>();
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            byte[] datagram = remaining > 0 ? socket.receive(Duration.ofNanos(remaining)) : null;
            if (datagram == null) {
                throw new NetlinkException(operation, interfaceName, 0, "no answer from the kernel within " + REPLY_TIMEOUT);
            }
            for (NetlinkMessage.Received message : NetlinkMessage.parse(datagram)) {
                if (message.sequence() != expected) {
                    continue; // a late answer to an earlier, timed-out request
                }
                if (message.type() == NetlinkMessage.NLMSG_ERROR) {
                    int error = message.error();
                    if (error != 0) {
                        throw new NetlinkException(operation, interfaceName, -error, Libc.strerror(-error));
                    }
                    return replies;
                }
                if (message.type() == NetlinkMessage.NLMSG_DONE) {
                    return replies;
                }
                replies.add(message);
                if (!dump) {
                    return replies;
                }
            }
        }
    }

    private static InetAddress address(ByteBuffer data) {
        try {
            return InetAddress.getByAddress(NetlinkMessage.bytes(data));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("kernel sent an address of " + data.remaining() + " bytes", e);
        }
    }

    @Override
    public synchronized void close() {
        socket.close();
    }
}
