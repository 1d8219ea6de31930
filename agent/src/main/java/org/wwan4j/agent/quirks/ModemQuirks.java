package org.wwan4j.agent.quirks;

import java.util.List;
import org.wwan4j.agent.config.FccUnlock;
import org.wwan4j.agent.status.DataFormat;

/**
 * What one modem model needs that the protocols do not tell: one row of the vendor table
 * ({@code vendor-quirks.json}, documented in docs/quirks.md).
 *
 * @param id           USB or PCI vendor:product, lower-case hex ("1199:9079"); null for {@link #UNKNOWN}
 * @param name         the model, for people
 * @param fccUnlock    the FCC unlock method, or null when the model needs none (or is unknown)
 * @param dataFormat   the link-layer format the model needs on its data path, asked of it before the host's
 *                     preference; null when it takes whatever the host can (or is unknown)
 * @param firmwareBugs known firmware misbehaviour, for people reading status and logs
 */
public record ModemQuirks(String id, String name, FccUnlock fccUnlock, DataFormat dataFormat,
        List<String> firmwareBugs) {

    /** A modem the table does not know: nothing special, and the generic unlock only after a failed power-up. */
    public static final ModemQuirks UNKNOWN = new ModemQuirks(null, null, null, null, List.of());

    public ModemQuirks {
        firmwareBugs = firmwareBugs == null ? List.of() : List.copyOf(firmwareBugs);
        if (fccUnlock != null && !fccUnlock.isMethod()) {
            throw new IllegalArgumentException("fccUnlock of a table row must be a method, not " + fccUnlock.jsonName());
        }
    }

    public boolean known() {
        return id != null;
    }
}
