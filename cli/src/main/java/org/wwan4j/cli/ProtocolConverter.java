package org.wwan4j.cli;

import java.util.Locale;
import org.wwan4j.agent.config.Protocol;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** auto|qmi|mbim, the same spelling as the config file. */
final class ProtocolConverter implements ITypeConverter<Protocol> {

    @Override
    public Protocol convert(String value) {
        for (Protocol p : Protocol.values()) {
            if (p.jsonName().equals(value.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of auto, qmi, mbim");
    }
}
