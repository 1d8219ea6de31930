package org.wwan4j.emulator.mbim.channel;

/**
 * A CID whose notification has the same layout as its query response, so the current state is built once and
 * sent either way.
 */
public interface MbimNotificationSource extends MbimCidHandler {

    /** The information buffer describing the current state. */
    byte[] currentState();
}
