package org.wwan4j.qmi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wwan4j.glib.DurableFile;

/**
 * The QMI client IDs a device's clients hold, kept in one small file per device in the state dir so that a
 * restarted process (even after kill -9) reuses them instead of allocating new ones: modems have few CIDs per
 * service and do not free the ones a dead process held. Written through {@link DurableFile} (fixed temporary
 * {@code .NAME.tmp}, fsync of the file, rename, fsync of the directory; owner-only), so a kill -9 or a power cut
 * leaves either the old or the new content, never none once there was one. Format: one {@code service=cid,cid} line
 * per service.
 */
public final class QmiCidStore {

    private final Path file;
    private final Map<String, TreeSet<Integer>> cids = new TreeMap<>();

    private QmiCidStore(Path file) {
        this.file = file;
    }

    /** The store of the device at {@code devicePath} in {@code stateDir}, loaded if it exists. */
    public static QmiCidStore open(Path stateDir, Path devicePath) {
        String name = devicePath.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        QmiCidStore store = new QmiCidStore(stateDir.resolve("qmi-cids" + name));
        store.load();
        return store;
    }

    public Path file() {
        return file;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                TreeSet<Integer> set = new TreeSet<>();
                for (String cid : line.substring(eq + 1).split(",")) {
                    if (!cid.isBlank()) {
                        set.add(Integer.parseInt(cid.trim()));
                    }
                }
                if (!set.isEmpty()) {
                    cids.put(line.substring(0, eq).trim(), set);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // A corrupt store only costs fresh allocations; never fail the device over it.
            cids.clear();
        }
    }

    /** The stored CIDs of a service, lowest first. */
    public synchronized List<Integer> cids(String service) {
        return new ArrayList<>(cids.getOrDefault(service, new TreeSet<>()));
    }

    /** Every service with stored CIDs. */
    public synchronized Map<String, List<Integer>> all() {
        Map<String, List<Integer>> copy = new TreeMap<>();
        cids.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    public synchronized void add(String service, int cid) {
        if (cids.computeIfAbsent(service, s -> new TreeSet<>()).add(cid)) {
            save();
        }
    }

    public synchronized void remove(String service, int cid) {
        TreeSet<Integer> set = cids.get(service);
        if (set != null && set.remove(cid)) {
            if (set.isEmpty()) {
                cids.remove(service);
            }
            save();
        }
    }

    private void save() {
        StringBuilder text = new StringBuilder();
        cids.forEach((service, set) -> text.append(service).append('=')
                .append(String.join(",", set.stream().map(String::valueOf).toList())).append('\n'));
        try {
            DurableFile.write(file, text.toString(), DurableFile.OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
