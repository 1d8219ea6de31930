package org.wwan4j.emulator.mbim.codec;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The UUIDs this emulator knows. MBIM sends a UUID as its 16 bytes in the order they are printed
 * (not in the mixed-endian GUID layout), which is exactly the big-endian layout of {@link UUID}.
 */
public final class MbimServiceIds {
    public static final UUID BASIC_CONNECT = UUID.fromString("a289cc33-bcbb-8b4f-b6b0-133ec2aae6df");
    public static final UUID MS_BASIC_CONNECT_EXTENSIONS = UUID.fromString("3d01dcc5-fef5-4d05-0d3a-bef7058e9aaf");
    /** Quectel's vendor service (libmbim's MBIM_SERVICE_QUECTEL): its radio state is how its modems are FCC-unlocked. */
    public static final UUID QUECTEL = UUID.fromString("11223344-5566-7788-99aa-bbccddeeff11");
    /** QMI over MBIM (Qualcomm): CID 1 carries one QMUX message per command, response and indication. */
    public static final UUID QMI = UUID.fromString("d1a30bc2-f97a-6e43-bf65-c7e24fb0f0d3");
    /** Context type of a plain internet connection, used by Connect. */
    public static final UUID CONTEXT_TYPE_INTERNET = UUID.fromString("7e5e2a7e-4e6f-7272-736b-656e7e5e2a7e");
    /** MBIM_CONTEXT_TYPE_IMS and MBIM_CONTEXT_TYPE_MMS (MBIM 1.0 table 10-15). */
    public static final UUID CONTEXT_TYPE_IMS = UUID.fromString("21610d01-3074-4bce-9425-b53a07d697d6");
    public static final UUID CONTEXT_TYPE_MMS = UUID.fromString("46726664-7269-6bc6-9624-d1d35389aca9");
    /** All zeroes: "no context type" in Connect replies of a deactivated session. */
    public static final UUID CONTEXT_TYPE_NONE = new UUID(0, 0);

    private MbimServiceIds() {
    }

    public static UUID read(byte[] data, int offset) {
        ByteBuffer big = ByteBuffer.wrap(data, offset, 16);
        return new UUID(big.getLong(), big.getLong());
    }

    public static void write(UUID uuid, byte[] data, int offset) {
        ByteBuffer big = ByteBuffer.wrap(data, offset, 16);
        big.putLong(uuid.getMostSignificantBits());
        big.putLong(uuid.getLeastSignificantBits());
    }
}
