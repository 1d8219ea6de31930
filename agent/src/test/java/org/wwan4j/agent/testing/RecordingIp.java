package org.wwan4j.agent.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.wwan4j.agent.modem.BearerSettings;
import org.wwan4j.agent.supervisor.IpConfigurator;

/** Records IP configuration calls as text, e.g. "apply(wwan0,10.1.2.3/30,mtu=0,metric=100)". */
public final class RecordingIp implements IpConfigurator {

    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void apply(String interfaceName, BearerSettings settings, int userMtu, long routeMetric)
            throws IOException {
        calls.add("apply(" + interfaceName + "," + settings.ipv4().address() + "/" + settings.ipv4().prefix()
                + ",mtu=" + userMtu + ",metric=" + routeMetric + ")");
    }

    @Override
    public void remove(String interfaceName) throws IOException {
        calls.add("remove(" + interfaceName + ")");
    }
}
