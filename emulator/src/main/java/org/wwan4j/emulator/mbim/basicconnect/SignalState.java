package org.wwan4j.emulator.mbim.basicconnect;

import java.util.UUID;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.InformationBufferReader;
import org.wwan4j.emulator.mbim.codec.InformationBufferWriter;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.model.ModemState;

/**
 * MBIM_CID_SIGNAL_STATE: RSSI in MBIM's coded form and an unknown error rate. MBIM 1.0 has no RSRP/RSRQ/SNR;
 * those need MBIMEx 2.0, which this emulator does not negotiate. The reporting settings a host sets are kept
 * and echoed (they do not throttle the emulated indications).
 */
public final class SignalState implements MbimNotificationSource {
    static final int ERROR_RATE_UNKNOWN = 99;
    /** Spec defaults: 0 lets the function choose the interval, thresholds off. */
    private int interval;
    private int rssiThreshold;
    private int errorRateThreshold = -1;

    private final ModemState state;

    public SignalState(ModemState state) {
        this.state = state;
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
        int rssi = state.hasRadioSignal() ? SignalCoding.rssi(state.signal().rssi()) : SignalCoding.UNKNOWN;
        return new InformationBufferWriter()
                .u32(rssi)
                .u32(ERROR_RATE_UNKNOWN)
                .u32(interval)
                .u32(rssiThreshold)
                .u32(errorRateThreshold)
                .toByteArray();
    }
}
