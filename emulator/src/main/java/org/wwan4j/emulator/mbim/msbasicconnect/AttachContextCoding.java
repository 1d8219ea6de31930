package org.wwan4j.emulator.mbim.msbasicconnect;

import org.wwan4j.emulator.model.EmulatedAttachContext;
import org.wwan4j.emulator.model.EmulatedAuth;
import org.wwan4j.emulator.model.EmulatedIpType;

/**
 * The MBIM codes an LTE attach context travels with (MBIM_CONTEXT_IP_TYPE, MBIM_AUTH_PROTOCOL, the roaming control
 * of MBIM_MS_LTE_ATTACH_CONTEXT, MBIM_CONTEXT_SOURCE). Basic Connect's Connect keeps its own private copies of the
 * first two; these stay here so the attach configuration does not reach into the connect path.
 */
final class AttachContextCoding {
    static final int IP_TYPE_DEFAULT = 0;
    static final int IP_TYPE_IPV4 = 1;
    static final int IP_TYPE_IPV6 = 2;
    static final int IP_TYPE_IPV4V6 = 3;
    static final int AUTH_NONE = 0;
    static final int AUTH_PAP = 1;
    static final int AUTH_CHAP = 2;
    static final int AUTH_MSCHAPV2 = 3;
    static final int SOURCE_USER = 1;
    static final int SOURCE_MODEM = 3;
    static final int COMPRESSION_NONE = 0;

    private AttachContextCoding() {
    }

    static int ipType(EmulatedIpType type) {
        return switch (type) {
            case IPV4 -> IP_TYPE_IPV4;
            case IPV6 -> IP_TYPE_IPV6;
            case IPV4V6 -> IP_TYPE_IPV4V6;
        };
    }

    /** MBIM's "default" is the modem's choice, which for an attach bearer is dual stack; null for a bad code. */
    static EmulatedIpType ipType(int code) {
        return switch (code) {
            case IP_TYPE_IPV4 -> EmulatedIpType.IPV4;
            case IP_TYPE_IPV6 -> EmulatedIpType.IPV6;
            case IP_TYPE_DEFAULT, IP_TYPE_IPV4V6 -> EmulatedIpType.IPV4V6;
            default -> null;
        };
    }

    static int auth(EmulatedAuth auth) {
        return switch (auth) {
            case NONE -> AUTH_NONE;
            case PAP -> AUTH_PAP;
            case CHAP, PAP_OR_CHAP -> AUTH_CHAP;
        };
    }

    static EmulatedAuth auth(int code) {
        return switch (code) {
            case AUTH_NONE -> EmulatedAuth.NONE;
            case AUTH_PAP -> EmulatedAuth.PAP;
            case AUTH_CHAP, AUTH_MSCHAPV2 -> EmulatedAuth.CHAP;
            default -> null;
        };
    }

    /** Roaming control 0, 1, 2: home, partner, non-partner; null otherwise. */
    static EmulatedAttachContext.Roaming roaming(int code) {
        EmulatedAttachContext.Roaming[] all = EmulatedAttachContext.Roaming.values();
        return code >= 0 && code < all.length ? all[code] : null;
    }
}
