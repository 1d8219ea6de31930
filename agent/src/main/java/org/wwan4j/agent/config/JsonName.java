package org.wwan4j.agent.config;

/** A config enum constant's spelling in the JSON file; the parser and the status writer both use it. */
public interface JsonName {
    String jsonName();
}
