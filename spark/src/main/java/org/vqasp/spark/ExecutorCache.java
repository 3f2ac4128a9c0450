package org.vqasp.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What an executor loads once and every task thread shares: the vision model, the reasoners, the gold scenes. A
 * Spark executor is one JVM running many tasks, and its tasks can only find what an earlier task loaded through
 * state held by the JVM; this class is that one place (the Spark idiom of a lazily created per-executor singleton),
 * keyed by what was loaded (a model directory, a scenes file with its size and time). Entries live as long as the
 * executor.
 */
final class ExecutorCache {

    private static final Map<String, Object> LOADED = new ConcurrentHashMap<>();

    private ExecutorCache() {
    }

    /**
     * Returns the value loaded under a key, loading it on first use (once per JVM, even when several task threads
     * ask at once).
     *
     * @param key what is loaded, such as {@code "model:/data/model"}
     * @param type the value's type
     * @param load loads the value
     */
    static <V> V get(String key, Class<V> type, Supplier<V> load) {
        return type.cast(LOADED.computeIfAbsent(key, k -> load.get()));
    }
}
