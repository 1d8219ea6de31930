package org.wwan4j.emulator.model;

/** Hears state changes after they happened (outside the state's lock), on the thread that made them. */
@FunctionalInterface
public interface StateListener {
    void stateChanged(StateAspect aspect);
}
