package org.wwan4j.agent.quirks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.status.DataFormat;

/** The vendor table: the bundled file parses, lookups are by id in any case, bad rows are errors, docs match. */
class VendorQuirksTest {

    @Test
    void theBundledTableNamesTheUnlockOfKnownLockedModems() {
        VendorQuirks table = VendorQuirks.bundled();
        ModemQuirks sierra = table.lookup("1199:9079");
        assertEquals(FccUnlock.QMI_DMS, sierra.fccUnlock());
        assertEquals(DataFormat.RAW_IP, sierra.dataFormat());
        assertEquals(DataFormat.ETHERNET, table.lookup("413c:81a8").dataFormat(), "an older Sierra stays 802.3");
        assertEquals(FccUnlock.QMI_FOXCONN, table.lookup("105B:E0AB").fccUnlock(), "ids in any case");
        assertEquals(FccUnlock.MBIM_QUECTEL, table.lookup("2c7c:030a").fccUnlock());
        assertEquals(FccUnlock.AT_CHALLENGE, table.lookup("14c3:4d75").fccUnlock());
    }

    @Test
    void anUnknownOrMissingIdIsAnUnknownModem() {
        assertSame(ModemQuirks.UNKNOWN, VendorQuirks.bundled().lookup("dead:beef"));
        assertSame(ModemQuirks.UNKNOWN, VendorQuirks.bundled().lookup(null));
        assertFalse(ModemQuirks.UNKNOWN.known());
        assertNull(ModemQuirks.UNKNOWN.fccUnlock());
    }

    @Test
    void aMalformedRowIsAnErrorNamingIt() {
        assertThrows(IllegalArgumentException.class, () -> VendorQuirks.parse("{\"modems\": [{\"id\": \"1199\"}]}"));
        IllegalArgumentException method = assertThrows(IllegalArgumentException.class, () -> VendorQuirks.parse(
                "{\"modems\": [{\"id\": \"1199:9079\", \"fccUnlock\": \"magic\"}]}"));
        assertTrue(method.getMessage().contains("modems[0]") && method.getMessage().contains("magic"));
        assertThrows(IllegalArgumentException.class, () -> VendorQuirks.parse(
                "{\"modems\": [{\"id\": \"1199:9079\", \"fccUnlock\": \"auto\"}]}"), "auto is a setting, not a method");
        assertThrows(IllegalArgumentException.class, () -> VendorQuirks.parse(
                "{\"modems\": [{\"id\": \"1199:9079\"}, {\"id\": \"1199:9079\"}]}"), "listed twice");
        IllegalArgumentException format = assertThrows(IllegalArgumentException.class, () -> VendorQuirks.parse(
                "{\"modems\": [{\"id\": \"1199:9079\", \"dataFormat\": \"qmap\"}]}"));
        assertTrue(format.getMessage().contains("modems[0]") && format.getMessage().contains("qmap"));
    }

    @Test
    void theDocsTableListsExactlyTheRowsOfTheDataFile() throws Exception {
        Path doc = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/quirks.md");
        Matcher row = Pattern.compile(
                "(?m)^\\| `([0-9a-f]{4}:[0-9a-f]{4})` \\| [^|]+ \\| `([a-z0-9-]+)` \\| ([a-z0-9.-]+) \\|")
                .matcher(Files.readString(doc));
        List<String> documented = new java.util.ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2) + " " + row.group(3));
        }
        List<String> bundled = VendorQuirks.bundled().all().stream()
                .map(q -> q.id() + " " + q.fccUnlock().jsonName() + " " + q.dataFormat().jsonName()).toList();
        assertEquals(bundled, documented);
    }
}
