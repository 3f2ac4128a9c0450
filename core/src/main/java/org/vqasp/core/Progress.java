package org.vqasp.core;

/**
 * Receives progress of long work (evaluation, rendering, training). Libraries report through it and never
 * print; the command line draws a bar on a terminal.
 */
@FunctionalInterface
public interface Progress {

    /** A listener that ignores everything. */
    Progress NONE = (done, total, detail) -> { };

    /**
     * Reports progress.
     *
     * @param done units done so far
     * @param total units in all, or -1 when unknown
     * @param detail a short status, such as "acc 97.2%" (may be empty)
     */
    void update(long done, long total, String detail);
}
