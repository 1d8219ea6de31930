package org.wwan4j.qmi;

import java.util.Locale;
import java.util.function.Function;

/**
 * Which client class serves which QMI service; each generated client has one as {@code KIND}
 * ({@code device.allocate(ClientNas.KIND)}).
 */
public record QmiClientKind<C extends QmiClient>(Service service, Class<C> type, Function<QmiClient.Binding, C> factory) {

    /** The service name used in the CID store ({@code nas}). */
    public String serviceName() {
        return service.name().toLowerCase(Locale.ROOT);
    }
}
