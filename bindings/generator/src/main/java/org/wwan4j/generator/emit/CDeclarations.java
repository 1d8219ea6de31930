package org.wwan4j.generator.emit;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.select.Support;

/** Renders C declarations ({@code QmiDevice *qmi_device_new_finish(GAsyncResult *res, GError **error)}) for Javadoc. */
final class CDeclarations {

    private CDeclarations() {
    }

    static String function(String name, Support.Signature signature) {
        return declarator(signature.returnCType(), name) + "(" + parameters(signature) + ")";
    }

    static String functionPointerTypedef(String typedefName, Support.Signature signature) {
        return "typedef " + declarator(signature.returnCType(), "(*" + typedefName + ")")
                + "(" + parameters(signature) + ")";
    }

    private static String parameters(Support.Signature signature) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < signature.parameterNames().size(); i++) {
            params.add(declarator(signature.parameterCTypes().get(i), signature.parameterNames().get(i)));
        }
        return params.isEmpty() ? "void" : String.join(", ", params);
    }

    /** {@code "const gchar*", "name"} becomes {@code "const gchar *name"}: stars bind to the name in C style. */
    static String declarator(String cType, String name) {
        String type = cType.strip();
        int stars = 0;
        while (type.endsWith("*")) {
            type = type.substring(0, type.length() - 1).strip();
            stars++;
        }
        return type + " " + "*".repeat(stars) + name;
    }
}
