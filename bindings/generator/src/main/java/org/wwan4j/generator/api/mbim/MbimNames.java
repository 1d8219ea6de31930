package org.wwan4j.generator.api.mbim;

import java.util.Locale;
import org.wwan4j.generator.emit.JavaText;

/** Java spellings of libmbim's snake_case names: classes, methods and record components. */
final class MbimNames {

    private MbimNames() {
    }

    /** {@code ms_basic_connect_extensions} gives {@code MsBasicConnectExtensions}. */
    static String upperCamel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    /** {@code out_provider_id} gives {@code providerId}: the out_ prefix says nothing in Java. */
    static String component(String cName) {
        String name = cName.startsWith("out_") ? cName.substring(4) : cName;
        String camel = upperCamel(name);
        if (camel.isEmpty()) {
            return JavaText.identifier(name);
        }
        return JavaText.identifier(Character.toLowerCase(camel.charAt(0)) + camel.substring(1));
    }
}
