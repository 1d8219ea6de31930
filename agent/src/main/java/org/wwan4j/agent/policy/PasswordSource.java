package org.wwan4j.agent.policy;

import java.io.IOException;
import java.util.Optional;
import org.wwan4j.agent.config.AccessPoint;
import org.wwan4j.agent.config.PasswordFiles;

/** Where bearer passwords come from; a seam so tests need no files. */
@FunctionalInterface
public interface PasswordSource {

    Optional<String> password(AccessPoint accessPoint) throws IOException;

    /** Inline password, else the password file, read at each connect so a rotated file needs no config change. */
    static PasswordSource files() {
        return PasswordFiles::password;
    }
}
