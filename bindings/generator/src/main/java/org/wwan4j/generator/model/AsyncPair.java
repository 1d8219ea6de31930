package org.wwan4j.generator.model;

/**
 * An asynchronous operation: {@code start} takes a GAsyncReadyCallback and {@code finish} ({@code start_finish})
 * collects its result. Matched by name because these GIRs predate {@code glib:finish-func}.
 */
public record AsyncPair(Callable start, Callable finish) {
}
