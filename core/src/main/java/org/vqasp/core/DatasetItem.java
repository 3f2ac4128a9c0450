package org.vqasp.core;

import java.util.Objects;

/**
 * One item read from a dataset file: either a value or the error that made it unreadable.
 *
 * <p>Readers return items rather than throwing, so that one bad question becomes one error row and the
 * batch goes on. Only a file that cannot be read at all (missing, not JSON) stops a reader.
 *
 * @param index the item's position in its file, from 0
 * @param id the item's identifier as far as it could be read (question index, GQA qid), never null
 * @param value the item, or null when {@code error} is set
 * @param error why the item could not be read, or null
 * @param <T> the item type
 */
public record DatasetItem<T>(long index, String id, T value, VqaspException error) {

    /** Checks that exactly one of value and error is set. */
    public DatasetItem {
        Objects.requireNonNull(id, "id");
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of value and error must be set for item " + id);
        }
    }

    /** Returns a readable item. */
    public static <T> DatasetItem<T> of(long index, String id, T value) {
        return new DatasetItem<>(index, id, Objects.requireNonNull(value, "value"), null);
    }

    /** Returns an unreadable item. */
    public static <T> DatasetItem<T> failed(long index, String id, VqaspException error) {
        return new DatasetItem<>(index, id, null, Objects.requireNonNull(error, "error"));
    }

    /** Returns true when the item was read. */
    public boolean ok() {
        return error == null;
    }
}
