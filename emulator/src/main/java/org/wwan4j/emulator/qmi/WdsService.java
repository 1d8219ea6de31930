package org.wwan4j.emulator.qmi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.EmulatedBearer;
import org.wwan4j.emulator.model.ConnectFailure;
import org.wwan4j.emulator.model.ConnectRequest;
import org.wwan4j.emulator.model.EmulatedCounters;
import org.wwan4j.emulator.model.EmulatedIpSettings;
import org.wwan4j.emulator.model.EmulatedIpType;
import org.wwan4j.emulator.model.Profile;
import org.wwan4j.emulator.model.StateAspect;

/**
 * QMI WDS (qmi-service-wds.json): the data call (start/stop, status, settings, statistics) and 3GPP profiles. The
 * client that started a call owns it: when that client id is released the call goes down, as on real modems.
 *
 * <p>Dual stack is two calls, as on real modems: each client is bound to one IP family (Set IP Family, or the
 * family its Start Network asked), and a Start Network for the other family of the APN that is up joins the bearer
 * instead of answering NoEffect. A client bound to a family sees that family only: its packet service status and
 * current settings are those of its family's call. A client bound to none (qmicli without --wds-set-ip-family)
 * sees the bearer as a whole.
 */
final class WdsService implements QmiService {

    private static final Logger LOG = LoggerFactory.getLogger(WdsService.class);

    static final int START_NETWORK = 0x0020;
    static final int STOP_NETWORK = 0x0021;
    static final int GET_PACKET_SERVICE_STATUS = 0x0022;
    static final int PACKET_SERVICE_STATUS_INDICATION = 0x0022;
    static final int GET_PACKET_STATISTICS = 0x0024;
    static final int MODIFY_PROFILE = 0x0028;
    static final int GET_PROFILE_LIST = 0x002A;
    static final int GET_PROFILE_SETTINGS = 0x002B;
    static final int GET_CURRENT_SETTINGS = 0x002D;
    static final int GET_DEFAULT_PROFILE_NUMBER = 0x0049;
    static final int SET_DEFAULT_PROFILE_NUMBER = 0x004A;
    static final int SET_IP_FAMILY = 0x004D;

    private static final int CONNECTION_DISCONNECTED = 1;
    private static final int CONNECTION_CONNECTED = 2;
    private static final int IP_FAMILY_IPV4 = 4;
    private static final int IP_FAMILY_IPV6 = 6;
    private static final int IP_FAMILY_UNSPECIFIED = 8;
    private static final int AUTH_PAP = 1;
    private static final int AUTH_CHAP = 2;
    private static final int PDP_IPV4 = 0;
    private static final int PDP_IPV6 = 2;
    private static final int PDP_IPV4_OR_IPV6 = 3;
    private static final int PROFILE_TYPE_3GPP = 0;
    private static final int CALL_END_UNSPECIFIED = 1;
    private static final int CALL_END_CLIENT_END = 2;
    private static final int CALL_END_NO_SERVICE = 3;
    private static final int CALL_END_AUTHENTICATION_FAILED = 10;
    private static final int VERBOSE_TYPE_3GPP = 6;
    private static final int VERBOSE_3GPP_UNKNOWN_APN = 27;
    private static final int VERBOSE_3GPP_AUTHENTICATION_FAILED = 29;
    private static final int VERBOSE_3GPP_REGULAR_DEACTIVATION = 36;
    private static final int INVALID_HANDLE = 9;
    /**
     * The global packet data handle: Stop Network with it ends the call whichever client started it (libqmi's
     * qmicli uses it for "disable-autoconnect"). A host that restarted and lost the handle of the call it adopted
     * stops it this way.
     */
    static final long GLOBAL_PACKET_DATA_HANDLE = 0xFFFF_FFFFL;
    /** Packet data handles look like pointers on real modems; any non-zero u32 will do. */
    private static final long FIRST_PACKET_DATA_HANDLE = 0x7F3A_0001L;

    private final QmiContext context;
    private final AtomicLong nextHandle = new AtomicLong(FIRST_PACKET_DATA_HANDLE);
    /** The calls this service started, by packet data handle. Guarded by this. */
    private final Map<Long, Call> calls = new HashMap<>();
    /** The IP family each client bound itself to with Set IP Family. Guarded by this. */
    private final Map<Integer, EmulatedIpType> boundFamilies = new HashMap<>();
    private boolean stoppedByClient;
    private boolean lastConnected;

    /** One started call: who owns it and which family it carries. */
    private record Call(long handle, int owner, EmulatedIpType family) {
    }

    WdsService(QmiContext context) {
        this.context = context;
    }

    @Override
    public int id() {
        return QmiServiceId.WDS;
    }

    @Override
    public byte[] handle(int clientId, int messageId, Tlvs request) {
        return switch (messageId) {
            case START_NETWORK -> startNetwork(clientId, request);
            case STOP_NETWORK -> stopNetwork(request);
            case GET_PACKET_SERVICE_STATUS -> new TlvWriter().tlv(0x01)
                    .u8(connected(context.state().bearer(), familyOf(clientId))
                            ? CONNECTION_CONNECTED : CONNECTION_DISCONNECTED)
                    .toBytes();
            case GET_PACKET_STATISTICS -> packetStatistics(request);
            case GET_CURRENT_SETTINGS -> currentSettings(clientId);
            case SET_IP_FAMILY -> setIpFamily(clientId, request);
            case GET_PROFILE_LIST -> profileList(request);
            case GET_PROFILE_SETTINGS -> profileSettings(request);
            case MODIFY_PROFILE -> modifyProfile(request);
            case GET_DEFAULT_PROFILE_NUMBER -> defaultProfile(request);
            case SET_DEFAULT_PROFILE_NUMBER -> setDefaultProfile(request);
            default -> throw QmiService.unknownMessage(id(), messageId);
        };
    }

    // ---- data call -----------------------------------------------------------------------------------------------

    private byte[] startNetwork(int clientId, Tlvs request) {
        Optional<Profile> profile = context.state().profile(request.get(0x31).map(TlvReader::u8)
                .orElse(context.state().defaultProfile()));
        String apn = request.get(0x14).map(TlvReader::restAsString)
                .orElse(profile.map(Profile::apn).orElse(null));
        EmulatedAuth auth = request.get(0x16).map(r -> auth(r.u8()))
                .orElse(profile.map(Profile::auth).orElse(EmulatedAuth.NONE));
        String username = request.get(0x17).map(TlvReader::restAsString)
                .orElse(profile.map(Profile::username).orElse(null));
        String password = request.get(0x18).map(TlvReader::restAsString)
                .orElse(profile.map(Profile::password).orElse(null));
        EmulatedIpType ipType = request.get(0x19).map(r -> family(r.u8())).orElse(null);
        if (ipType == null) {
            synchronized (this) {
                ipType = boundFamilies.getOrDefault(clientId, EmulatedIpType.IPV4);
            }
        }
        context.statistics().connectRequested(connected(context.state().bearer(), ipType));
        synchronized (this) {
            if (calls.values().stream().anyMatch(call -> call.owner() == clientId)) {
                throw new QmiRequestException(QmiError.NO_EFFECT, "client " + clientId + " has a call up");
            }
        }
        Optional<ConnectFailure> failure = context.state().connect(new ConnectRequest(apn, ipType, auth, username,
                password));
        if (failure.isPresent()) {
            throw callFailed(failure.get());
        }
        synchronized (this) {
            long handle = nextHandle.getAndIncrement();
            calls.put(handle, new Call(handle, clientId, ipType));
            stoppedByClient = false;
            return new TlvWriter().tlv(0x01).u32(handle).toBytes();
        }
    }

    /** Set IP Family binds the client to one family; "unspecified" unbinds it. */
    private byte[] setIpFamily(int clientId, Tlvs request) {
        int value = request.require(0x01).u8();
        synchronized (this) {
            if (value == IP_FAMILY_UNSPECIFIED) {
                boundFamilies.remove(clientId);
            } else {
                EmulatedIpType family = family(value);
                if (family == null) {
                    throw new QmiRequestException(QmiError.INVALID_ARGUMENT, "IP family " + value);
                }
                boundFamilies.put(clientId, family);
            }
        }
        return new byte[0];
    }

    /** The family a client is bound to, or the family of the call it owns; null when neither. */
    private synchronized EmulatedIpType familyOf(int clientId) {
        EmulatedIpType bound = boundFamilies.get(clientId);
        if (bound != null) {
            return bound;
        }
        return calls.values().stream().filter(call -> call.owner() == clientId).map(Call::family).findFirst()
                .orElse(null);
    }

    private static boolean connected(EmulatedBearer bearer, EmulatedIpType family) {
        if (!bearer.connected()) {
            return false;
        }
        return family == null || (family == EmulatedIpType.IPV6 ? bearer.ipv6() != null : bearer.ipv4() != null);
    }

    private static EmulatedIpType family(int value) {
        return switch (value) {
            case IP_FAMILY_IPV4 -> EmulatedIpType.IPV4;
            case IP_FAMILY_IPV6 -> EmulatedIpType.IPV6;
            default -> null;
        };
    }

    private static QmiRequestException callFailed(ConnectFailure failure) {
        if (failure == ConnectFailure.ALREADY_CONNECTED) {
            return new QmiRequestException(QmiError.NO_EFFECT, "already connected");
        }
        int reason;
        int verbose;
        switch (failure) {
            case AUTH_FAILED -> {
                reason = CALL_END_AUTHENTICATION_FAILED;
                verbose = VERBOSE_3GPP_AUTHENTICATION_FAILED;
            }
            case UNKNOWN_APN -> {
                reason = CALL_END_UNSPECIFIED;
                verbose = VERBOSE_3GPP_UNKNOWN_APN;
            }
            default -> {
                reason = CALL_END_NO_SERVICE;
                verbose = VERBOSE_3GPP_REGULAR_DEACTIVATION;
            }
        }
        byte[] tlvs = new TlvWriter().tlv(0x10).u16(reason).tlv(0x11).u16(VERBOSE_TYPE_3GPP).i16(verbose).toBytes();
        return new QmiRequestException(QmiError.CALL_FAILED, "call failed: " + failure, tlvs);
    }

    private byte[] stopNetwork(Tlvs request) {
        long handle = request.require(0x01).u32();
        Call stopped;
        synchronized (this) {
            boolean global = handle == GLOBAL_PACKET_DATA_HANDLE && context.state().bearer().connected();
            stopped = calls.remove(handle);
            if (!global && stopped == null) {
                throw new QmiRequestException(INVALID_HANDLE, "no call with handle " + handle);
            }
            stoppedByClient = true;
            if (global) {
                calls.clear();
                stopped = null;
            }
        }
        if (stopped == null) {
            context.state().disconnect();
        } else {
            context.state().disconnectFamily(stopped.family());
        }
        return new byte[0];
    }

    @Override
    public void clientReleased(int clientId) {
        List<Call> owned;
        synchronized (this) {
            boundFamilies.remove(clientId);
            owned = calls.values().stream().filter(call -> call.owner() == clientId).toList();
            owned.forEach(call -> calls.remove(call.handle()));
            if (!owned.isEmpty()) {
                stoppedByClient = true;
            }
        }
        for (Call call : owned) {
            LOG.info("WDS client {} released while owning the {} data call: call torn down", clientId, call.family());
            context.state().disconnectFamily(call.family());
        }
    }

    @Override
    public synchronized void reboot() {
        calls.clear();
        boundFamilies.clear();
        lastConnected = false;
    }

    @Override
    public void stateChanged(StateAspect aspect) {
        if (aspect != StateAspect.BEARER) {
            return;
        }
        EmulatedBearer bearer = context.state().bearer();
        boolean clientEnded;
        synchronized (this) {
            if (bearer.connected() == lastConnected) {
                return;
            }
            lastConnected = bearer.connected();
            clientEnded = stoppedByClient;
            if (!bearer.connected()) {
                // The network took the calls down: their handles are dead.
                calls.clear();
            }
        }
        TlvWriter out = new TlvWriter().tlv(0x01).u8(bearer.connected() ? CONNECTION_CONNECTED : CONNECTION_DISCONNECTED)
                .u8(0);
        if (!bearer.connected()) {
            out.tlv(0x10).u16(clientEnded ? CALL_END_CLIENT_END : CALL_END_NO_SERVICE);
        } else {
            out.tlv(0x12).u8(bearer.ipType() == EmulatedIpType.IPV6 ? IP_FAMILY_IPV6 : IP_FAMILY_IPV4);
        }
        context.indications().sendToAll(id(), PACKET_SERVICE_STATUS_INDICATION, out.toBytes());
    }

    private byte[] packetStatistics(Tlvs request) {
        request.require(0x01).u32();
        EmulatedCounters c = context.state().counters();
        return new TlvWriter()
                .tlv(0x10).u32(c.txPackets()).tlv(0x11).u32(c.rxPackets())
                .tlv(0x12).u32(c.txErrors()).tlv(0x13).u32(c.rxErrors())
                .tlv(0x14).u32(0).tlv(0x15).u32(0)
                .tlv(0x19).u64(c.txBytes()).tlv(0x1A).u64(c.rxBytes())
                .tlv(0x1D).u32(c.txDrops()).tlv(0x1E).u32(c.rxDrops())
                .toBytes();
    }

    /** A client bound to one family gets that family's settings only, as on real modems. */
    private byte[] currentSettings(int clientId) {
        EmulatedBearer bearer = context.state().bearer();
        EmulatedIpType family = familyOf(clientId);
        if (!connected(bearer, family)) {
            throw new QmiRequestException(QmiError.OUT_OF_CALL, "no data call");
        }
        TlvWriter out = new TlvWriter().tlv(0x11).u8(pdpType(bearer.ipType())).tlv(0x14).rawString(bearer.apn());
        EmulatedIpSettings v4 = family == EmulatedIpType.IPV6 ? null : bearer.ipv4();
        EmulatedIpSettings v6 = family == EmulatedIpType.IPV4 ? null : bearer.ipv6();
        if (v4 != null) {
            List<String> dns = v4.dns();
            if (!dns.isEmpty()) {
                out.tlv(0x15).u32(QmiAddresses.ipv4(dns.get(0)));
            }
            if (dns.size() > 1) {
                out.tlv(0x16).u32(QmiAddresses.ipv4(dns.get(1)));
            }
            out.tlv(0x1E).u32(QmiAddresses.ipv4(v4.address()));
            out.tlv(0x20).u32(QmiAddresses.ipv4(v4.gateway()));
            out.tlv(0x21).u32(QmiAddresses.ipv4Mask(v4.prefix()));
        }
        if (v6 != null) {
            QmiAddresses.ipv6(out.tlv(0x25), v6.address()).u8(v6.prefix());
            QmiAddresses.ipv6(out.tlv(0x26), v6.gateway()).u8(v6.prefix());
            if (!v6.dns().isEmpty()) {
                QmiAddresses.ipv6(out.tlv(0x27), v6.dns().get(0));
            }
            if (v6.dns().size() > 1) {
                QmiAddresses.ipv6(out.tlv(0x28), v6.dns().get(1));
            }
        }
        out.tlv(0x29).u32(bearer.mtu());
        out.tlv(0x2B).u8(v4 == null ? IP_FAMILY_IPV6 : IP_FAMILY_IPV4);
        return out.toBytes();
    }

    // ---- profiles ------------------------------------------------------------------------------------------------

    private byte[] profileList(Tlvs request) {
        int type = request.get(0x10).map(TlvReader::u8).orElse(PROFILE_TYPE_3GPP);
        List<Profile> profiles = type == PROFILE_TYPE_3GPP ? context.state().profiles() : List.of();
        TlvWriter out = new TlvWriter().tlv(0x01).u8(profiles.size());
        profiles.forEach(p -> out.u8(PROFILE_TYPE_3GPP).u8(p.index()).u8String(p.name() == null ? "" : p.name()));
        return out.toBytes();
    }

    private Profile requireProfile(TlvReader id) {
        int type = id.u8();
        int index = id.u8();
        if (type != PROFILE_TYPE_3GPP) {
            throw new QmiRequestException(QmiError.INVALID_PROFILE_TYPE, "only 3GPP profiles");
        }
        return context.state().profile(index)
                .orElseThrow(() -> new QmiRequestException(QmiError.INVALID_PROFILE, "no profile " + index));
    }

    /** The password is not given out, as many modems do not: it would end up in logs. */
    private byte[] profileSettings(Tlvs request) {
        Profile p = requireProfile(request.require(0x01));
        TlvWriter out = new TlvWriter();
        if (p.name() != null) {
            out.tlv(0x10).rawString(p.name());
        }
        out.tlv(0x11).u8(pdpType(p.ipType()));
        out.tlv(0x14).rawString(p.apn() == null ? "" : p.apn());
        if (p.username() != null) {
            out.tlv(0x1B).rawString(p.username());
        }
        out.tlv(0x1D).u8(authBits(p.auth()));
        out.tlv(0x3E).u8(p.roamingAllowed() ? 0 : 1);
        out.tlv(0xDD).u64(apnTypeMask(p.purposes()));
        return out.toBytes();
    }

    /** QMI's WDS APN type mask bits: default 1, IMS 2, MMS 4, initial attach 0x100. */
    private static long apnTypeMask(Set<Profile.Purpose> purposes) {
        long mask = 0;
        for (Profile.Purpose purpose : purposes) {
            mask |= switch (purpose) {
                case DEFAULT -> 0x1L;
                case IMS -> 0x2L;
                case MMS -> 0x4L;
                case ATTACH -> 0x100L;
            };
        }
        return mask;
    }

    private byte[] modifyProfile(Tlvs request) {
        Profile p = requireProfile(request.require(0x01));
        String name = request.get(0x10).map(TlvReader::restAsString).orElse(p.name());
        EmulatedIpType ipType = request.get(0x11).map(r -> ipTypeOfPdp(r.u8())).orElse(p.ipType());
        String apn = request.get(0x14).map(TlvReader::restAsString).orElse(p.apn());
        String username = request.get(0x1B).map(TlvReader::restAsString).orElse(p.username());
        String password = request.get(0x1C).map(TlvReader::restAsString).orElse(p.password());
        EmulatedAuth auth = request.get(0x1D).map(r -> auth(r.u8())).orElse(p.auth());
        context.state().putProfile(p.withSettings(name, apn, ipType, auth, username, password));
        return new byte[0];
    }

    private byte[] defaultProfile(Tlvs request) {
        TlvReader type = request.require(0x01);
        if (type.u8() != PROFILE_TYPE_3GPP) {
            throw new QmiRequestException(QmiError.INVALID_PROFILE_TYPE, "only 3GPP profiles");
        }
        return new TlvWriter().tlv(0x01).u8(context.state().defaultProfile()).toBytes();
    }

    private byte[] setDefaultProfile(Tlvs request) {
        TlvReader id = request.require(0x01);
        id.u8();
        id.u8();
        int index = id.u8();
        if (context.state().profile(index).isEmpty()) {
            throw new QmiRequestException(QmiError.INVALID_PROFILE, "no profile " + index);
        }
        context.state().setDefaultProfile(index);
        return new byte[0];
    }

    private static EmulatedAuth auth(int bits) {
        boolean pap = (bits & AUTH_PAP) != 0;
        boolean chap = (bits & AUTH_CHAP) != 0;
        return pap && chap ? EmulatedAuth.PAP_OR_CHAP
                : pap ? EmulatedAuth.PAP : chap ? EmulatedAuth.CHAP : EmulatedAuth.NONE;
    }

    private static int authBits(EmulatedAuth auth) {
        return switch (auth == null ? EmulatedAuth.NONE : auth) {
            case NONE -> 0;
            case PAP -> AUTH_PAP;
            case CHAP -> AUTH_CHAP;
            case PAP_OR_CHAP -> AUTH_PAP | AUTH_CHAP;
        };
    }

    private static int pdpType(EmulatedIpType type) {
        return switch (type == null ? EmulatedIpType.IPV4 : type) {
            case IPV4 -> PDP_IPV4;
            case IPV6 -> PDP_IPV6;
            case IPV4V6 -> PDP_IPV4_OR_IPV6;
        };
    }

    private static EmulatedIpType ipTypeOfPdp(int pdp) {
        return switch (pdp) {
            case PDP_IPV6 -> EmulatedIpType.IPV6;
            case PDP_IPV4_OR_IPV6 -> EmulatedIpType.IPV4V6;
            default -> EmulatedIpType.IPV4;
        };
    }
}
