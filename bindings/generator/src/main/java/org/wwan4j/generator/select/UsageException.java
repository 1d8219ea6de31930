package org.wwan4j.generator.select;

/** Bad input from the user (arguments, header file, unknown symbol); the message names what is wrong. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
