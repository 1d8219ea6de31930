package org.wwan4j.agent.policy;

/**
 * Whether a modem's radio may be on. Radio silence turns every radio off; a modem no config entry manages is kept
 * off too, because a radio nobody manages may still register and draw power or roam (reference behaviour).
 */
public final class RadioPolicy {

    private RadioPolicy() {
    }

    public static boolean radioWanted(boolean managed, boolean radioSilence) {
        return managed && !radioSilence;
    }
}
