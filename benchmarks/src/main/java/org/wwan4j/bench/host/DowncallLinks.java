package org.wwan4j.bench.host;

import java.util.List;

/**
 * Links downcalls of the generated bindings and runs nothing else of wwan4j: each named class is a generated
 * function's holder ({@code qmi_device_h$qmi_device_open}, jextract's shape), whose initialisation looks up the
 * symbol and makes its {@code MethodHandle} through {@code Linker.downcallHandle}. What a host JVM pays for that is
 * the floor under any FFM library's footprint, apart from the library's own code.
 */
final class DowncallLinks {

    private DowncallLinks() {}

    static void link(List<String> holderClassNames) throws ClassNotFoundException {
        for (String name : holderClassNames) {
            Class.forName(name, true, DowncallLinks.class.getClassLoader());
        }
    }
}
