package org.wwan4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The libraries as an embedder on the module path meets them: the agent resolves with nothing but the bindings and
 * slf4j-api (no command line, no emulator, no logging binding), and the generated ffi packages are not exported
 * (the GLib ones only to the two bindings).
 */
class LibraryModulesTest {

    @Test
    void theAgentResolvesAloneAndTheFfiPackagesStayInside() {
        Path[] entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).filter(Files::exists).toArray(Path[]::new);
        Configuration graph = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(entries), ModuleFinder.of(), Set.of("org.wwan4j.agent"));
        Set<String> resolved = graph.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
        assertEquals(Set.of("org.wwan4j.agent", "org.wwan4j.qmi", "org.wwan4j.mbim", "org.wwan4j.glib", "org.slf4j"),
                resolved, "what the agent library pulls in on the module path");

        Map<String, ModuleDescriptor> modules = graph.modules().stream()
                .collect(Collectors.toMap(ResolvedModule::name, m -> m.reference().descriptor()));
        for (String name : Set.of("org.wwan4j.qmi", "org.wwan4j.mbim")) {
            ModuleDescriptor module = modules.get(name);
            assertTrue(module.packages().contains(name + ".ffi"), name + " holds its generated package");
            assertFalse(module.exports().stream().anyMatch(e -> e.source().equals(name + ".ffi")),
                    name + ".ffi must not be exported: " + module.exports());
        }
        ModuleDescriptor.Exports glibFfi = modules.get("org.wwan4j.glib").exports().stream()
                .filter(e -> e.source().equals("org.wwan4j.glib.ffi")).findFirst().orElseThrow();
        assertEquals(Set.of("org.wwan4j.qmi", "org.wwan4j.mbim"), glibFfi.targets(),
                "the GLib downcalls are for the two bindings only");
    }
}
