package org.wwan4j.emulator.mbim.channel;

import java.util.UUID;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimParseException;
import org.wwan4j.emulator.mbim.codec.MbimStatus;

/**
 * One CID of one MBIM service. A parse failure thrown from here becomes a COMMAND_DONE with the exception's
 * status (MBIM_STATUS_INVALID_PARAMETERS); a command type the CID does not have is MBIM_STATUS_NO_DEVICE_SUPPORT.
 */
public interface MbimCidHandler {

    UUID service();

    int cid();

    default MbimReply query(MbimCommand command) throws MbimParseException {
        return MbimReply.failure(MbimStatus.NO_DEVICE_SUPPORT);
    }

    default MbimReply set(MbimCommand command) throws MbimParseException {
        return MbimReply.failure(MbimStatus.NO_DEVICE_SUPPORT);
    }
}
