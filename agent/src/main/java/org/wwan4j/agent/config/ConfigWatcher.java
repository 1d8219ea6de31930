package org.wwan4j.agent.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config file and hands every new valid version to a listener. An invalid version is reported and
 * the last good config stays in force, so a typo never takes a running device offline.
 *
 * <p>The directory is watched, not the file: editors and config managers replace files by writing a temporary
 * file and renaming it over the old one, which a watch on the file itself would lose. Events are debounced
 * (a short settle delay, then a content hash) so a burst of writes gives one reload, and an unchanged file
 * (touch, rewrite with the same content) gives none. Listener calls come from one thread at a time: the caller's
 * during construction, then the watcher's daemon thread.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    /** Writers often emit several events per save; wait this long after the first before reading. */
    static final Duration SETTLE = Duration.ofMillis(100);
    /** Re-read this often even without events: covers a directory replaced under us or a lost event. */
    static final Duration RESCAN_INTERVAL = Duration.ofSeconds(30);
    /** While the directory is gone, look for it again this often. */
    static final Duration UNWATCHED_RETRY = Duration.ofSeconds(1);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

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
    private final WatchService watchService;
    private final Thread thread;
    private volatile AgentConfig current;
    private byte[] lastHash;
    /** Only the watcher thread changes these after construction. */
    private boolean registered;
    private boolean companionRegistered;
    private volatile boolean closed;

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
        this.file = file.toAbsolutePath();
        this.companion = companion == null ? null : companion.toAbsolutePath();
        this.listener = listener;
        this.parser = parser;
        this.current = initial;
        this.watchService = FileSystems.getDefault().newWatchService();
        try {
            register();
        } catch (IOException e) {
            watchService.close();
            throw e;
        }
        tryRegisterCompanion();
        check();
        this.thread = Thread.ofPlatform().name("config-watcher").daemon().unstarted(this::run);
        thread.start();
    }

    /** The config in force: the last valid one read, or the initial one. */
    public AgentConfig current() {
        return current;
    }

    private void register() throws IOException {
        file.getParent().register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
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
            companion.getParent().register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            companionRegistered = true;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean allRegistered() {
        return registered && (companion == null || companionRegistered);
    }

    private void run() {
        long nextRescan = System.nanoTime() + RESCAN_INTERVAL.toNanos();
        while (!closed) {
            try {
                Duration wait = allRegistered() ? RESCAN_INTERVAL : UNWATCHED_RETRY;
                WatchKey key = watchService.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                boolean relevant = key == null || System.nanoTime() - nextRescan >= 0;
                if (key != null) {
                    relevant |= concernsOurFiles(key);
                    if (!key.reset()) {
                        LOG.warn("config directory {} is no longer watched; retrying", key.watchable());
                        unregistered(key);
                    }
                }
                if (!registered) {
                    // The directory was removed: watch it again as soon as it exists, and read what it holds then.
                    relevant |= tryRegister();
                }
                relevant |= tryRegisterCompanion();
                if (relevant) {
                    Thread.sleep(SETTLE.toMillis());
                    drain();
                    check();
                    nextRescan = System.nanoTime() + RESCAN_INTERVAL.toNanos();
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Never let the watcher die: the agent must keep running on the last good config.
                LOG.warn("config watcher: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private boolean concernsOurFiles(WatchKey key) {
        List<WatchEvent<?>> events = key.pollEvents();
        for (WatchEvent<?> event : events) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW
                    || isFile(key, event, file) || (companion != null && isFile(key, event, companion))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFile(WatchKey key, WatchEvent<?> event, Path which) {
        return which.getParent().equals(key.watchable()) && which.getFileName().equals(event.context());
    }

    private void unregistered(WatchKey key) {
        if (file.getParent().equals(key.watchable())) {
            registered = false;
        }
        if (companion != null && companion.getParent().equals(key.watchable())) {
            companionRegistered = false;
        }
    }

    /** Events that arrived while settling concern the version we are about to read anyway. */
    private void drain() {
        WatchKey key;
        while ((key = watchService.poll()) != null) {
            key.pollEvents();
            if (!key.reset()) {
                unregistered(key); // the directory went away while we settled
            }
        }
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

    private static void sleepQuietly() {
        try {
            Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("closing watch service: {}", e.toString());
        }
        try {
            if (!thread.join(CLOSE_TIMEOUT)) {
                LOG.warn("config watcher thread did not stop within {}", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
