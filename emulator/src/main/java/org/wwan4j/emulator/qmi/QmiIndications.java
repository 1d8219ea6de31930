package org.wwan4j.emulator.qmi;

/** How a service sends indications: to one client, or broadcast to all clients of the service. */
interface QmiIndications {

    void send(int service, int clientId, int messageId, byte[] tlvs);

    /** Sends a copy to every client currently allocated on the service. */
    void sendToAll(int service, int messageId, byte[] tlvs);
}
