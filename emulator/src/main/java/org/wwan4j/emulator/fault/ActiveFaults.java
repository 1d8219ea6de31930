package org.wwan4j.emulator.fault;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The set of faults in force, shared by the port loop, the engine and the state; listeners hear every change. */
public final class ActiveFaults {

    /** Told when a fault is injected ({@code active} true) or cleared. */
    @FunctionalInterface
    public interface Listener {
        void faultChanged(Fault fault, boolean active);
    }

    private final Set<Fault> active = EnumSet.noneOf(Fault.class);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public boolean isActive(Fault fault) {
        synchronized (active) {
            return active.contains(fault);
        }
    }

    public Set<Fault> snapshot() {
        synchronized (active) {
            return EnumSet.copyOf(active.isEmpty() ? EnumSet.noneOf(Fault.class) : active);
        }
    }

    /** Turns a fault on; one-shot faults (reboot) are announced but not kept. */
    public void inject(Fault fault) {
        boolean changed;
        synchronized (active) {
            changed = fault == Fault.REBOOT || active.add(fault);
        }
        if (changed) {
            listeners.forEach(listener -> listener.faultChanged(fault, true));
        }
    }

    public void clear(Fault fault) {
        boolean changed;
        synchronized (active) {
            changed = active.remove(fault);
        }
        if (changed) {
            listeners.forEach(listener -> listener.faultChanged(fault, false));
        }
    }

    public void clearAll() {
        for (Fault fault : snapshot()) {
            clear(fault);
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }
}
