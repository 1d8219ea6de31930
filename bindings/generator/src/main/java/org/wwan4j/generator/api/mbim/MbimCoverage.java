package org.wwan4j.generator.api.mbim;

import java.util.ArrayList;
import java.util.List;

/** What the generator made of one service: operations emitted or skipped, and out-parameters it could not carry. */
final class MbimCoverage {

    final String service;
    int queries;
    int queriesSkipped;
    int sets;
    int setsSkipped;
    int notifications;
    int notificationsSkipped;
    int outParametersSkipped;
    final List<String> skipped = new ArrayList<>();

    MbimCoverage(String service) {
        this.service = service;
    }

    String line() {
        return "%-28s queries %2d/%-2d sets %2d/%-2d notifications %2d/%-2d out-params skipped %d".formatted(service,
                queries, queries + queriesSkipped, sets, sets + setsSkipped, notifications,
                notifications + notificationsSkipped, outParametersSkipped);
    }
}
