package org.vqasp.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

/**
 * Streams the items of a large JSON dataset file one at a time, never holding the whole file.
 *
 * <p>Two layouts are supported: an array under a top-level key ({@code {"info": ..., "questions": [...]}},
 * the CLEVR layout; each entry's key is its position) and a top-level object of entries
 * ({@code {"qid": {...}, ...}}, the GQA layout; each entry's key is its field name). Only the current item
 * is materialised as a tree.
 *
 * <p>A file that is missing or not well-formed JSON raises an {@link InputException} naming the file, the
 * line and column and what was expected.
 *
 * <p>Every item has a {@link Mark} (where it starts in the file, and its position): a stream opened at a mark
 * ({@link #arrayAt}, {@link #entriesAt}) returns that item and those after it, with the same keys, without reading
 * what comes before. A job that splits a large file into slices reads each slice this way.
 */
public final class JsonItemStream implements Iterator<Map.Entry<String, JsonNode>>, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final JsonParser parser;
    private final boolean arrayLayout;
    private long position;
    private long base;
    private Map.Entry<String, JsonNode> next;
    private Mark nextMark;
    private Mark lastMark;
    private boolean done;

    /**
     * Where an item starts: the byte offset of its first token (the array element, or the entry's name) in the
     * file, and its position among the items (its key in the array layout).
     *
     * @param offset bytes from the start of the file
     * @param position the item's position, from 0
     */
    public record Mark(long offset, long position) implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        /** Checks the values. */
        public Mark {
            if (offset < 0 || position < 0) {
                throw new IllegalArgumentException("a mark needs a non-negative offset and position, was "
                        + offset + " and " + position);
            }
        }
    }

    private JsonItemStream(Path file, JsonParser parser, boolean arrayLayout) {
        this.file = file;
        this.parser = parser;
        this.arrayLayout = arrayLayout;
    }

    /**
     * Opens the array under {@code key} of a top-level object, such as {@code "questions"}.
     *
     * @param file the JSON file
     * @param key the top-level key that holds the array
     * @return a stream positioned on the first element
     * @throws InputException when the file is missing, malformed or has no such array
     */
    public static JsonItemStream array(Path file, String key) {
        JsonParser p = open(file);
        try {
            expect(file, p, p.nextToken(), JsonToken.START_OBJECT, "a JSON object with a \"" + key + "\" array");
            while (true) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_OBJECT || t == null) {
                    p.close();
                    throw new InputException(ErrorKind.MALFORMED_FILE,
                            file + ": expected a top-level \"" + key + "\" array, found none");
                }
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals(name)) {
                    expect(file, p, value, JsonToken.START_ARRAY, "an array under \"" + key + "\"");
                    return new JsonItemStream(file, p, true);
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            close(p);
            throw malformed(file, e);
        }
    }

    /**
     * Opens a top-level object whose entries are the items, such as GQA's {@code {qid: {...}}}.
     *
     * @param file the JSON file
     * @return a stream positioned on the first entry
     * @throws InputException when the file is missing, malformed or not an object
     */
    public static JsonItemStream entries(Path file) {
        JsonParser p = open(file);
        try {
            expect(file, p, p.nextToken(), JsonToken.START_OBJECT, "a JSON object of entries");
            return new JsonItemStream(file, p, false);
        } catch (IOException e) {
            close(p);
            throw malformed(file, e);
        }
    }

    /**
     * Opens the array items of a file from a mark on: the item there and those after it. The file must be the
     * one the mark was taken from, unchanged.
     *
     * @param file the JSON file
     * @param mark where the first item to read starts (from {@link #mark()} of a stream over the same file)
     * @throws InputException when the file is missing or cannot be read
     */
    public static JsonItemStream arrayAt(Path file, Mark mark) {
        return openAt(file, mark, true);
    }

    /**
     * Opens the entries of a top-level object from a mark on: the entry there and those after it.
     *
     * @param file the JSON file
     * @param mark where the first entry to read starts (from {@link #mark()} of a stream over the same file)
     * @throws InputException when the file is missing or cannot be read
     */
    public static JsonItemStream entriesAt(Path file, Mark mark) {
        return openAt(file, mark, false);
    }

    private static JsonItemStream openAt(Path file, Mark mark, boolean arrayLayout) {
        InputStream in = openStream(file);
        try {
            in.skipNBytes(mark.offset());
            // The slice starts inside the array or object: put back the bracket that opened it.
            InputStream slice = new SequenceInputStream(new ByteArrayInputStream(new byte[] {
                (byte) (arrayLayout ? '[' : '{')}), in);
            JsonParser p = MAPPER.getFactory().createParser(slice);
            p.nextToken();
            JsonItemStream s = new JsonItemStream(file, p, arrayLayout);
            s.position = mark.position();
            s.base = mark.offset() - 1;
            return s;
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new InputException("unreadable_file", file + ": cannot be read at byte " + mark.offset() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Returns the file being read. */
    public Path file() {
        return file;
    }

    /** Returns the mark of the item that {@link #next()} returned last, or null before the first. */
    public Mark mark() {
        return lastMark;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    /**
     * Returns the next item: its key (array position or entry name) and its JSON tree.
     *
     * @throws InputException when the file turns out to be malformed at this point
     */
    @Override
    public Map.Entry<String, JsonNode> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map.Entry<String, JsonNode> result = next;
        lastMark = nextMark;
        next = null;
        return result;
    }

    private Map.Entry<String, JsonNode> advance() {
        try {
            JsonToken t = parser.nextToken();
            if (arrayLayout) {
                if (t == JsonToken.END_ARRAY || t == null) {
                    done = true;
                    return null;
                }
                nextMark = new Mark(base + parser.currentTokenLocation().getByteOffset(), position);
                JsonNode node = MAPPER.readTree(parser);
                return new AbstractMap.SimpleImmutableEntry<>(Long.toString(position++), node);
            }
            if (t == JsonToken.END_OBJECT || t == null) {
                done = true;
                return null;
            }
            nextMark = new Mark(base + parser.currentTokenLocation().getByteOffset(), position);
            String name = parser.currentName();
            parser.nextToken();
            JsonNode node = MAPPER.readTree(parser);
            position++;
            return new AbstractMap.SimpleImmutableEntry<>(name, node);
        } catch (IOException e) {
            done = true;
            throw malformed(file, e);
        }
    }

    /**
     * Counts the items left without building their trees (fast: a token-level skip), consuming the stream.
     *
     * @return the number of items that {@link #next()} would still have returned
     */
    public long countRemaining() {
        long[] n = {0};
        skipRemaining((key, mark) -> n[0]++);
        return n[0];
    }

    /**
     * Returns the key and mark of every item left, in file order, without building their trees (a token-level
     * skip), consuming the stream: an index from which {@link #entriesAt} or {@link #arrayAt} reads one item. When
     * a key repeats, the last item under it is kept, as a JSON tree keeps it.
     *
     * @return the marks by key
     */
    public LinkedHashMap<String, Mark> markRemaining() {
        LinkedHashMap<String, Mark> out = new LinkedHashMap<>();
        skipRemaining((key, mark) -> {
            out.remove(key);
            out.put(key, mark);
        });
        return out;
    }

    /** Passes the key and mark of every item left to {@code each}, skipping the items' tokens. */
    private void skipRemaining(BiConsumer<String, Mark> each) {
        if (next != null) {
            each.accept(next.getKey(), nextMark);
            next = null;
        }
        try {
            while (!done) {
                JsonToken t = parser.nextToken();
                if (t == null || t == (arrayLayout ? JsonToken.END_ARRAY : JsonToken.END_OBJECT)) {
                    done = true;
                    break;
                }
                Mark mark = new Mark(base + parser.currentTokenLocation().getByteOffset(), position);
                String key = arrayLayout ? Long.toString(position) : parser.currentName();
                if (!arrayLayout) {
                    parser.nextToken();
                }
                parser.skipChildren();
                position++;
                each.accept(key, mark);
            }
        } catch (IOException e) {
            done = true;
            throw malformed(file, e);
        }
    }

    @Override
    public void close() {
        close(parser);
    }

    private static JsonParser open(Path file) {
        try {
            return MAPPER.getFactory().createParser(openStream(file));
        } catch (IOException e) {
            throw new InputException("unreadable_file", file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream openStream(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorKind.MISSING_FILE, file + ": no such file");
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static void expect(Path file, JsonParser p, JsonToken actual, JsonToken wanted, String what) {
        if (actual != wanted) {
            JsonLocation loc = p.currentTokenLocation();
            close(p);
            throw new InputException(ErrorKind.MALFORMED_FILE, file + ":" + loc.getLineNr() + ":" + loc.getColumnNr()
                    + ": expected " + what + ", found " + (actual == null ? "end of file" : actual.asString()));
        }
    }

    private static InputException malformed(Path file, IOException e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation loc = jpe.getLocation();
            return new InputException(ErrorKind.MALFORMED_JSON, file + ":" + loc.getLineNr() + ":" + loc.getColumnNr()
                    + ": malformed JSON: " + jpe.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        return new InputException(ErrorKind.UNREADABLE_FILE, file + ": cannot be read (" + e.getMessage() + ")", e);
    }

    private static void close(JsonParser p) {
        try {
            p.close();
        } catch (IOException ignored) {
            // closing a read-only stream: nothing to recover
        }
    }
}
