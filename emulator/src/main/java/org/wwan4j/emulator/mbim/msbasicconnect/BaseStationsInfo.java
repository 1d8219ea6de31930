package org.wwan4j.emulator.mbim.msbasicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.basicconnect.DataClass;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.EmulatedRat;
import org.wwan4j.emulator.model.EmulatedRegistration;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * MBIM_CID_MS_BASE_STATIONS_INFO (MBIMEx 2.0 layout): the serving LTE cell with its RSRP and RSRQ, which is where
 * an MBIM host finds RSRQ at all. Each serving cell is an optional structure and each neighbour list an optional
 * array, both as (offset, size) pairs; only the LTE serving cell is filled, and only while registered on LTE with
 * signal. The emulated cell has no real channel numbers: EARFCN, PCI and timing advance are fixed illustrative
 * values or "unknown".
 */
public final class BaseStationsInfo implements MbimCidHandler {
    static final int UNKNOWN = 0xFFFFFFFF;
    static final int EMULATED_EARFCN = 1300;
    static final int EMULATED_PHYSICAL_CELL_ID = 101;
    /** GSM, UMTS, TD-SCDMA serving cells; then GSM, UMTS, TD-SCDMA, LTE neighbours and CDMA cells. */
    private static final int SERVING_CELLS_BEFORE_LTE = 3;
    private static final int CELL_LISTS = 5;

    private final ModemState state;

    public BaseStationsInfo(ModemState state) {
        this.state = state;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS;
    }

    @Override
    public int cid() {
        return MsBasicConnectExtensionsCid.BASE_STATIONS_INFO;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        // The host's per-RAT maximum counts only bound neighbour lists, and none are reported.
        EmulatedRegistration registration = state.registration();
        boolean lte = state.hasRadioSignal() && registration.state().registered()
                && registration.rats().contains(EmulatedRat.LTE);
        InformationBufferWriter out = new InformationBufferWriter().u32(lte ? DataClass.LTE : 0);
        for (int i = 0; i < SERVING_CELLS_BEFORE_LTE; i++) {
            out.absentRef();
        }
        if (lte) {
            EmulatedSignal signal = state.signal();
            out.structRef(new InformationBufferWriter()
                    .string(registration.mcc() + registration.mnc())
                    .u32((int) registration.cellId())
                    .u32(EMULATED_EARFCN)
                    .u32(EMULATED_PHYSICAL_CELL_ID)
                    .u32(registration.tac())
                    .u32(signal.rsrp())
                    .u32(signal.rsrq())
                    .u32(UNKNOWN));
        } else {
            out.absentRef();
        }
        for (int i = 0; i < CELL_LISTS; i++) {
            out.absentRef();
        }
        return MbimReply.ok(out.toByteArray());
    }
}
