package org.wwan4j.generator.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairs {@code foo(..., GAsyncReadyCallback, gpointer)} with {@code foo_finish} by C symbol name. */
public final class AsyncPairs {

    private static final String FINISH_SUFFIX = "_finish";

    private AsyncPairs() {
    }

    public static List<AsyncPair> match(List<Callable> callables) {
        Map<String, Callable> bySymbol = new HashMap<>();
        for (Callable c : callables) {
            bySymbol.put(c.cIdentifier(), c);
        }
        List<AsyncPair> pairs = new ArrayList<>();
        for (Callable start : callables) {
            if (!start.takesAsyncReadyCallback()) {
                continue;
            }
            Callable finish = bySymbol.get(start.cIdentifier() + FINISH_SUFFIX);
            if (finish != null) {
                pairs.add(new AsyncPair(start, finish));
            }
        }
        return List.copyOf(pairs);
    }
}
