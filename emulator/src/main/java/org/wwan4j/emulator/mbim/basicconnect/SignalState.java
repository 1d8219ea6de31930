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
import org.wwan4j.emulator.model.EmulatedSignal;

/**
 * MBIM_CID_SIGNAL_STATE: RSSI in MBIM's coded form and an unknown error rate. MBIM 1.0 has nothing else; after the
 * host agreed MBIMEx 2.0 the answer also carries one RSRP/SNR entry for the serving LTE cell (MBIM has no RSRQ).
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
            InformationBufferWriter entries = new InformationBufferWriter().u32(heard ? 1 : 0);
            if (heard) {
                entries.u32(SignalCoding.rsrp(signal.rsrp()))
                        .u32(SignalCoding.snr(signal.snr()))
                        .u32(THRESHOLD_DEFAULT)
                        .u32(THRESHOLD_DEFAULT)
                        .u32(DataClass.LTE);
            }
            out.structRef(entries);
        }
        return out.toByteArray();
    }
}
