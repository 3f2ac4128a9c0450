package org.vqasp.eval.clevr;

import java.util.Iterator;
import java.util.List;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.eval.EvalItem;

/**
 * Turns a stream of CLEVR questions into evaluation items: the id is the question index, the image is the
 * image file name (or index), the family is the template family.
 */
public final class ClevrItems implements Iterator<EvalItem<ClevrQuestion>> {

    private final DatasetReader<ClevrQuestion> reader;

    /** Wraps an open questions reader (the caller closes it). */
    public ClevrItems(DatasetReader<ClevrQuestion> reader) {
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        return reader.hasNext();
    }

    @Override
    public EvalItem<ClevrQuestion> next() {
        DatasetItem<ClevrQuestion> d = reader.next();
        if (!d.ok()) {
            return new EvalItem<>(d.id(), "", "", null, List.of("unreadable"), null, d.error());
        }
        ClevrQuestion q = d.value();
        String image = q.imageFilename() != null ? q.imageFilename() : "image " + q.imageIndex();
        return new EvalItem<>(Long.toString(q.questionIndex()), image, q.question(), q.answer(), List.of(q.family()),
                q, null);
    }
}
