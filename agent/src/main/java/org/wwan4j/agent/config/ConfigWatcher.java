package org.wwan4j.agent.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.agent.linux.FileWatches;

/**
 * Watches the config file and hands every new valid version to a listener. An invalid version is reported and
 * the last good config stays in force, so a typo never takes a running device offline.
 *
 * <p>The directory is watched, not the file: editors and config managers replace files by writing a temporary
 * file and renaming it over the old one, which a watch on the file itself would lose. Events are debounced
 * (a short settle delay, then a content hash) so a burst of writes gives one reload, and an unchanged file
 * (touch, rewrite with the same content) gives none. Listener calls come from one thread at a time: the caller's
 * during construction, then the thread of the {@link FileWatches} it runs on (shared with the daemon's other file
 * watchers, or its own).
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    /** Writers often emit several events per save; wait this long after the first before reading. */
    static final Duration SETTLE = Duration.ofMillis(100);
    /** Re-read this often even without events: covers a directory replaced under us or a lost event. */
    static final Duration RESCAN_INTERVAL = Duration.ofSeconds(30);
    /** While the directory is gone, look for it again this often. */
    static final Duration UNWATCHED_RETRY = Duration.ofSeconds(1);

    private static final WatchEvent.Kind<?>[] KINDS = {StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE};

    /** Receives config changes. */
    public interface Listener {
        /** A new valid config (also the first one). */
        void applied(AgentConfig config);

        /** The file changed but cannot be used; the previous config stays in force. */
        void rejected(Path file, List<String> errors);
    }

    /**
     * Turns the file's bytes into a config. The agent's own format is the default; a foreign contract (EVE's
     * WwanConfig) brings its own reader and is watched the same way, with the same keep-the-last-good rule.
     */
    @FunctionalInterface
    public interface Parser {
        AgentConfig parse(byte[] content) throws ConfigException;
    }

    /**
     * Turns the file's bytes and a companion file's into a config: for a contract whose settings come from two
     * files (EVE: NIM's WwanConfig and zedagent's global config). Both are read on the one watcher thread, so a
     * change of either is applied in order with the other's current content.
     */
    @FunctionalInterface
    public interface CompanionParser {
        /** @param companion the companion file's bytes, or null while it is missing or unreadable */
        AgentConfig parse(byte[] content, byte[] companion) throws ConfigException;
    }

    private final Path file;
    /** Null without a companion file. */
    private final Path companion;
    private final Listener listener;
    private final CompanionParser parser;
    /** Null when the watches are shared (their owner closes them). */
    private final FileWatches ownWatches;
    private final FileWatches.Watcher watcher;
    private volatile AgentConfig current;
    // Guarded by this: the constructor's first read may overlap the first events on the watch thread.
    private byte[] lastHash;
    private boolean registered;
    private boolean companionRegistered;
    /** An event came: the file is read when {@link #SETTLE} has passed, events until then included. */
    private boolean settling;

    /**
     * Reads the file once (reporting to the listener before returning) and starts watching it.
     *
     * @param initial the config in force until a valid file is read, e.g. {@link AgentConfig#EMPTY}
     */
    public ConfigWatcher(Path file, AgentConfig initial, Listener listener) throws IOException {
        this(file, initial, ConfigParser::parse, listener);
    }

    /** As {@link #ConfigWatcher(Path, AgentConfig, Listener)}, reading the file with {@code parser}. */
    public ConfigWatcher(Path file, AgentConfig initial, Parser parser, Listener listener) throws IOException {
        this(file, null, initial, (content, none) -> parser.parse(content), listener);
    }

    /**
     * As {@link #ConfigWatcher(Path, AgentConfig, Parser, Listener)}, also watching {@code companion} (whose
     * directory need not exist yet) and handing both files' bytes to {@code parser} whenever either changes.
     */
    public ConfigWatcher(Path file, Path companion, AgentConfig initial, CompanionParser parser, Listener listener)
            throws IOException {
        this(null, file, companion, initial, parser, listener);
    }

    /**
     * As {@link #ConfigWatcher(Path, Path, AgentConfig, CompanionParser, Listener)}, on the thread of
     * {@code watches} (null: a thread of its own), which outlive this watcher.
     */
    public ConfigWatcher(FileWatches watches, Path file, Path companion, AgentConfig initial, CompanionParser parser,
            Listener listener) throws IOException {
        this.file = file.toAbsolutePath();
        this.companion = companion == null ? null : companion.toAbsolutePath();
        this.listener = listener;
        this.parser = parser;
        this.current = initial;
        this.ownWatches = watches == null ? FileWatches.start("config-watcher") : null;
        this.watcher = (watches == null ? ownWatches : watches).add(new FileWatches.Handler() {
            @Override
            public void changed(Path directory, List<WatchEvent<?>> events) {
                if (concernsOurFiles(directory, events)) {
                    settle();
                }
            }

            @Override
            public void gone(Path directory) {
                directoryGone(directory);
            }

            @Override
            public void wakeUp() {
                due();
            }
        });
        try {
            start();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private synchronized void start() throws IOException {
        register();
        tryRegisterCompanion();
        check();
        armTick();
    }

    /** The config in force: the last valid one read, or the initial one. */
    public AgentConfig current() {
        return current;
    }

    private void register() throws IOException {
        watcher.watch(file.getParent(), KINDS);
        registered = true;
    }

    private boolean tryRegister() {
        try {
            register();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the companion's directory became watched now. */
    private boolean tryRegisterCompanion() {
        if (companion == null || companionRegistered) {
            return false;
        }
        if (companion.getParent().equals(file.getParent())) {
            companionRegistered = registered; // one watch serves both
            return companionRegistered;
        }
        try {
            watcher.watch(companion.getParent(), KINDS);
            companionRegistered = true;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean allRegistered() {
        return registered && (companion == null || companionRegistered);
    }

    /** A change of our files: read them once {@link #SETTLE} has passed (later events join this read). */
    private synchronized void settle() {
        if (!settling) {
            settling = true;
            watcher.wakeUpAfter(SETTLE);
        }
    }

    /**
     * The one wake-up: the end of a settle delay, or the periodic tick (a re-read every {@link #RESCAN_INTERVAL},
     * or every {@link #UNWATCHED_RETRY} while a directory is not watched). A tick is treated like an event:
     * settle, then read, which also covers a directory replaced under us or a lost event.
     */
    private synchronized void due() {
        if (!registered) {
            tryRegister(); // the directory was removed: watch it again as soon as it exists
        }
        tryRegisterCompanion();
        if (!settling) {
            settle();
            return;
        }
        settling = false;
        check();
        armTick();
    }

    private synchronized void directoryGone(Path directory) {
        LOG.warn("config directory {} is no longer watched; retrying", directory);
        if (file.getParent().equals(directory)) {
            registered = false;
        }
        if (companion != null && companion.getParent().equals(directory)) {
            companionRegistered = false;
        }
        boolean back = (!registered && tryRegister()) | tryRegisterCompanion();
        if (back) {
            settle(); // and read what it holds now
        } else if (!settling) {
            armTick();
        }
    }

    private void armTick() {
        watcher.wakeUpAfter(allRegistered() ? RESCAN_INTERVAL : UNWATCHED_RETRY);
    }

    private boolean concernsOurFiles(Path directory, List<WatchEvent<?>> events) {
        for (WatchEvent<?> event : events) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW
                    || isFile(directory, event, file) || (companion != null && isFile(directory, event, companion))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFile(Path directory, WatchEvent<?> event, Path which) {
        return which.getParent().equals(directory) && which.getFileName().equals(event.context());
    }

    private void check() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            rejectOnce(file + ": file not found");
            return;
        } catch (IOException e) {
            rejectOnce(file + ": " + e.getMessage());
            return;
        }
        byte[] companionContent = readCompanion();
        if (isSameAsLast(content, companionContent)) {
            return;
        }
        try {
            if (content.length > ConfigParser.MAX_CONFIG_BYTES) {
                throw new ConfigException(List.of(file + ": larger than " + ConfigParser.MAX_CONFIG_BYTES + " bytes"));
            }
            AgentConfig parsed = parser.parse(content, companionContent);
            warnIfExposed(parsed);
            current = parsed;
            deliver(() -> listener.applied(parsed));
        } catch (ConfigException e) {
            deliver(() -> listener.rejected(file, e.errors()));
        }
    }

    /** The companion's bytes; null without one, or while it is missing or unreadable (its parser reports why). */
    private byte[] readCompanion() {
        if (companion == null) {
            return null;
        }
        try {
            return Files.readAllBytes(companion);
        } catch (IOException e) {
            return null;
        }
    }

    private void warnIfExposed(AgentConfig parsed) {
        try {
            PasswordFiles.warnIfConfigExposesPasswords(file, parsed);
        } catch (IOException e) {
            LOG.debug("cannot read the mode of {}: {}", file, e.toString());
        }
    }

    /** A missing or unreadable file is reported once per distinct condition, like a bad content. */
    private void rejectOnce(String error) {
        if (!isSameAsLast(("\0unreadable\0" + error).getBytes(StandardCharsets.UTF_8), null)) {
            deliver(() -> listener.rejected(file, List.of(error)));
        }
    }

    private boolean isSameAsLast(byte[] content, byte[] companionContent) {
        byte[] hash = sha256(content, companionContent);
        boolean same = Arrays.equals(hash, lastHash);
        lastHash = hash;
        return same;
    }

    private static void deliver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("config listener failed: {}", e.toString(), e);
        }
    }

    private static byte[] sha256(byte[] content, byte[] companionContent) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Length first: the two files' bytes must not be read as another split of the same bytes.
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
            digest.update(content);
            if (companionContent != null) {
                digest.update(companionContent);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Stops watching; the listener is not called once this returns. */
    @Override
    public void close() {
        watcher.close();
        if (ownWatches != null) {
            ownWatches.close();
        }
    }
}
