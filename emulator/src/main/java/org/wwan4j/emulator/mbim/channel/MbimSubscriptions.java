package org.wwan4j.emulator.mbim.channel;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which notifications the host wants (MBIM_CID_DEVICE_SERVICE_SUBSCRIBE_LIST). Until the host sets a list every
 * notification is sent; after that only those of listed services, and of a service listed with no CIDs, all of them.
 */
public final class MbimSubscriptions {
    /** {@code null}: the host never set a list. Values: the CIDs wanted, empty for "all of this service". */
    private Map<UUID, Set<Integer>> wanted;

    public synchronized boolean wants(UUID service, int cid) {
        if (wanted == null) {
            return true;
        }
        Set<Integer> cids = wanted.get(service);
        return cids != null && (cids.isEmpty() || cids.contains(cid));
    }

    public synchronized void set(Map<UUID, Set<Integer>> newWanted) {
        wanted = Map.copyOf(newWanted);
    }

    /** Back to "everything", as after a reboot. */
    public synchronized void reset() {
        wanted = null;
    }
}
