package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.channel.MbimSession;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.EmulatedNrSignal;
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * MBIM_CID_SIGNAL_STATE: RSSI in MBIM's coded form and an unknown error rate. MBIM 1.0 has nothing else; after the
 * host agreed MBIMEx 2.0 the answer also carries one RSRP/SNR entry per serving system: the LTE cell, and on a 5G
 * NSA network a second one for the NR leg (system type 5G NSA). MBIM has no RSRQ here.
 * The reporting settings a host sets are kept and echoed (they do not throttle the emulated indications).
 */
public final class SignalState implements MbimNotificationSource {
    static final int ERROR_RATE_UNKNOWN = 99;
    /** RSRP/SNR reporting thresholds: 0 lets the function decide. */
    static final int THRESHOLD_DEFAULT = 0;
    /** Spec defaults: 0 lets the function choose the interval, thresholds off. */
    private int interval;
    private int rssiThreshold;
    private int errorRateThreshold = -1;

    private final ModemState state;
    private final MbimSession session;

    public SignalState(ModemState state, MbimSession session) {
        this.state = state;
        this.session = session;
    }

    @Override
    public UUID service() {
        return MbimServiceIds.BASIC_CONNECT;
    }

    @Override
    public int cid() {
        return BasicConnectCid.SIGNAL_STATE;
    }

    @Override
    public MbimReply query(MbimCommand command) {
        return MbimReply.ok(currentState());
    }

    @Override
    public synchronized MbimReply set(MbimCommand command) throws MbimParseException {
        InformationBufferReader request = new InformationBufferReader(command.informationBuffer());
        interval = request.u32(0);
        rssiThreshold = request.u32(4);
        errorRateThreshold = request.u32(8);
        return MbimReply.ok(currentState());
    }

    @Override
    public synchronized byte[] currentState() {
        boolean heard = state.hasRadioSignal();
        EmulatedSignal signal = state.signal();
        InformationBufferWriter out = new InformationBufferWriter()
                .u32(heard ? SignalCoding.rssi(signal.rssi()) : SignalCoding.UNKNOWN)
                .u32(ERROR_RATE_UNKNOWN)
                .u32(interval)
                .u32(rssiThreshold)
                .u32(errorRateThreshold);
        if (session.mbimEx2()) {
            // An (offset, size) pair to a count followed by fixed-size RSRP/SNR entries.
            EmulatedNrSignal nr = state.nrSignal();
            InformationBufferWriter entries = new InformationBufferWriter().u32(!heard ? 0 : nr == null ? 1 : 2);
            if (heard) {
                entry(entries, signal.rsrp(), signal.snr(), DataClass.LTE);
            }
            if (heard && nr != null) {
                entry(entries, nr.rsrp(), nr.snr(), DataClass.NR5G_NSA);
            }
            out.structRef(entries);
        }
        return out.toByteArray();
    }

    private static void entry(InformationBufferWriter entries, int rsrp, double snr, int systemType) {
        entries.u32(SignalCoding.rsrp(rsrp))
                .u32(SignalCoding.snr(snr))
                .u32(THRESHOLD_DEFAULT)
                .u32(THRESHOLD_DEFAULT)
                .u32(systemType);
    }
}
