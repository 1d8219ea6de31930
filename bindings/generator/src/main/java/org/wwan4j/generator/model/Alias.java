package org.wwan4j.generator.model;

/** A C typedef of another type ({@code typedef GByteArray QmiMessage;}). */
public record Alias(String name, String cType, TypeRef target) {
}
