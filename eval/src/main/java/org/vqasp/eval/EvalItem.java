package org.vqasp.eval;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.VqaspException;
import org.vqasp.core.json.DatasetReader;

/**
 * One question to evaluate, dataset-neutral.
 *
 * @param id the question's identifier (CLEVR question index, GQA qid)
 * @param image the image it asks about; consecutive items with the same image are answered together
 * @param question the question text
 * @param gold the expected answer, or null when the dataset has none
 * @param families the report groups the question belongs to (CLEVR template family; GQA structural and
 *     semantic type)
 * @param payload what the answerer needs (a CLEVR question, a GQA question), or null when unreadable
 * @param error why the item could not be read, or null
 * @param <T> the payload type
 */
public record EvalItem<T>(String id, String image, String question, String gold, List<String> families,
        T payload, VqaspException error) {

    /** Checks the fields. */
    public EvalItem {
        Objects.requireNonNull(id, "id");
        image = image == null ? "" : image;
        question = question == null ? "" : question;
        families = families == null ? List.of() : List.copyOf(families);
        if ((payload == null) == (error == null)) {
            throw new IllegalArgumentException("item " + id + ": exactly one of payload and error must be set");
        }
    }

    /**
     * Returns a dataset's items as evaluation items, in file order: an item that cannot be read becomes one with
     * its error (report group {@code unreadable}), the others what {@code describe} makes of them.
     *
     * @param reader the open dataset reader (the caller closes it)
     * @param describe makes the evaluation item of a readable dataset item
     * @param <T> the payload type
     */
    public static <T> Iterator<EvalItem<T>> of(DatasetReader<T> reader, Function<T, EvalItem<T>> describe) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return reader.hasNext();
            }

            @Override
            public EvalItem<T> next() {
                DatasetItem<T> d = reader.next();
                return d.ok() ? describe.apply(d.value())
                        : new EvalItem<>(d.id(), "", "", null, List.of("unreadable"), null, d.error());
            }
        };
    }
}
