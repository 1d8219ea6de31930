package org.wwan4j.mbim;

import java.lang.management.ManagementFactory;
import org.wwan4j.glib.NativeHeap;
import org.wwan4j.glib.Upcalls;

/**
 * What a long run must not grow: malloc in use (libmbim, GLib and the JVM's own, from glibc's mallinfo2; -1 where
 * there is none), the Java heap after a full collection, threads and upcall handlers. Neither memory figure is the
 * process's resident size, which moves with what the allocator keeps and with the heap the JVM sizes for the machine.
 */
record ResourceUsage(long mallocKb, long heapKb, int threads, int handlers) {

    static ResourceUsage now() {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
        long malloc = NativeHeap.inUseBytes();
        return new ResourceUsage(malloc < 0 ? -1 : malloc / 1024, heap, Thread.activeCount(),
                Upcalls.registeredHandlers());
    }
}
