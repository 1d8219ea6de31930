package org.wwan4j.generator.emit;

/** One generated compilation unit: a top-level class name and its full text. */
public record SourceFile(String className, String content) {
}
