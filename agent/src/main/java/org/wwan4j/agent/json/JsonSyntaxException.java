package org.wwan4j.agent.json;

/**
 * JSON that cannot be read: where (1-based line and column of the character that broke it) and why. The reason
 * never quotes the input, which may hold a password; the one exception is a duplicate key's name, which is safe to
 * show and the only useful hint.
 */
public final class JsonSyntaxException extends Exception {

    private final int line;
    private final int column;
    private final String reason;
    private final boolean trailingContent;

    JsonSyntaxException(int line, int column, String reason, boolean trailingContent) {
        super(reason + " at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.trailingContent = trailingContent;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What was wrong, without the position and without the offending text. */
    public String reason() {
        return reason;
    }

    /** True when the document was complete and something followed it (a second document glued on). */
    public boolean trailingContent() {
        return trailingContent;
    }
}
