package org.wwan4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded edits of a command line: dropped, repeated, swapped and cut-off tokens, values replaced by hostile ones
 * (empty, huge, negative, out of range, control characters, option-like), unknown and misspelt options, and the
 * {@code --option=value} form.
 */
final class ArgumentMutator {

    private static final String[] HOSTILE_VALUES = {
        "", " ", "-", "--", "-1", "0", "65536", "99999999999999999999", "1.5", "NaN", "x".repeat(10_000),
        "\u0000", "a\nb", "\u001b[2J", "ü∂ƒ😀", "../../etc/passwd", "relative/path", "qmi", "mbim", "auto", "on",
        "off", "ipv5", "--device", "--help", "-h", "%n%s%s", "${jndi:x}", "'quoted'", "null"
    };
    private static final String[] UNKNOWN_OPTIONS = {"--bogus", "-x", "--device2", "--json=maybe", "---", "-Z9"};
    private static final int MAX_EDITS = 3;

    private final Random random;

    ArgumentMutator(Random random) {
        this.random = random;
    }

    List<String> mutate(List<String> base) {
        List<String> args = new ArrayList<>(base);
        int edits = 1 + random.nextInt(MAX_EDITS);
        for (int i = 0; i < edits; i++) {
            edit(args);
        }
        return args;
    }

    private void edit(List<String> args) {
        if (args.isEmpty()) {
            args.add(randomToken(random));
            return;
        }
        // The command name (index 0) is kept most of the time so every command gets its share.
        int at = args.size() == 1 ? 0 : 1 + random.nextInt(args.size() - 1);
        switch (random.nextInt(8)) {
            case 0 -> args.remove(at);
            case 1 -> args.add(at, args.get(at));
            case 2 -> args.set(at, HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)]);
            case 3 -> args.add(at, UNKNOWN_OPTIONS[random.nextInt(UNKNOWN_OPTIONS.length)]);
            case 4 -> {
                int other = random.nextInt(args.size());
                String token = args.get(at);
                args.set(at, args.get(other));
                args.set(other, token);
            }
            case 5 -> args.subList(random.nextInt(args.size()), args.size()).clear();
            case 6 -> {
                String token = args.get(at);
                if (token.length() > 3) {
                    int cut = 2 + random.nextInt(token.length() - 2);
                    args.set(at, token.substring(0, cut) + token.substring(cut + 1));
                }
            }
            default -> {
                if (at + 1 < args.size() && args.get(at).startsWith("--")) {
                    args.set(at, args.get(at) + "=" + args.remove(at + 1));
                }
            }
        }
    }

    /** A token no command defines: never a command name, never a help or version option. */
    static String randomToken(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz-_=/.0123456789ü😀";
        StringBuilder token = new StringBuilder(random.nextBoolean() ? "--zz" : "zz");
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            token.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt(alphabet.codePointCount(0,
                    alphabet.length()))]);
        }
        return token.toString();
    }
}
