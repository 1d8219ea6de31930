package org.wwan4j.mbim;

/** A listener registration; closing it stops the calls. Idempotent, and never throws (unlike AutoCloseable). */
@FunctionalInterface
public interface MbimSubscription extends AutoCloseable {
    @Override
    void close();
}
