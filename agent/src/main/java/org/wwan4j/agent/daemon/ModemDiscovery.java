package org.wwan4j.agent.daemon;

import java.util.List;
import org.wwan4j.agent.linux.DiscoveredModem;

/** The modems present now ({@link org.wwan4j.agent.linux.SysfsDiscovery#discover()} in production). */
@FunctionalInterface
public interface ModemDiscovery {

    List<DiscoveredModem> discover();
}
