package org.vqasp.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;

/**
 * Reads the items of a dataset file one at a time, turning each JSON item into a value or an error item.
 *
 * <p>A bad item (a missing key, a value of the wrong type) becomes a {@link DatasetItem#failed failed item}
 * whose message names the file, the item and what was expected; reading goes on. A file that is not JSON at
 * all stops the reader with an {@link InputException}.
 *
 * @param <T> the item type
 */
public final class DatasetReader<T> implements Iterator<DatasetItem<T>>, AutoCloseable {

    /** Turns one JSON item into a value; throws {@link IllegalArgumentException} naming what is wrong. */
    @FunctionalInterface
    public interface ItemParser<T> {
        /**
         * Parses one item.
         *
         * @param key the item's key (array position or entry name)
         * @param node the item
         * @return the value
         */
        T parse(String key, JsonNode node);
    }

    private final JsonItemStream stream;
    private final ItemParser<T> parser;
    private final Function<JsonNode, String> idOf;
    private final String what;

    /**
     * Wraps a stream.
     *
     * @param stream the opened stream
     * @param what the name of one item in messages, such as {@code "question"}
     * @param idOf extracts an item's identifier for messages, or returns null to use the key
     * @param parser turns a JSON item into a value
     */
    public DatasetReader(JsonItemStream stream, String what, Function<JsonNode, String> idOf, ItemParser<T> parser) {
        this.stream = stream;
        this.what = what;
        this.idOf = idOf;
        this.parser = parser;
    }

    /** Returns the file being read. */
    public Path file() {
        return stream.file();
    }

    /** Returns where the item that {@link #next()} returned last starts in the file, or null before the first. */
    public JsonItemStream.Mark mark() {
        return stream.mark();
    }

    @Override
    public boolean hasNext() {
        return stream.hasNext();
    }

    @Override
    public DatasetItem<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map.Entry<String, JsonNode> e = stream.next();
        long i = stream.mark().position();
        String id = e.getKey();
        try {
            String declared = idOf.apply(e.getValue());
            if (declared != null) {
                id = declared;
            }
        } catch (RuntimeException ignored) {
            // the key stays the identifier; the parser will name the problem
        }
        try {
            return DatasetItem.of(i, id, parser.parse(e.getKey(), e.getValue()));
        } catch (VqaspException ex) {
            return DatasetItem.failed(i, id, new InputException(ex.kind(),
                    stream.file().getFileName() + ": " + what + " " + id + ": " + ex.getMessage(), ex));
        } catch (IllegalArgumentException | NullPointerException ex) {
            return DatasetItem.failed(i, id, new InputException(ErrorKind.BAD_ITEM,
                    stream.file().getFileName() + ": " + what + " " + id + ": " + ex.getMessage(), ex));
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
