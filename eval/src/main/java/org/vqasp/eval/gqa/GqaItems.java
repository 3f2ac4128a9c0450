package org.vqasp.eval.gqa;

import java.util.Iterator;
import java.util.List;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.gqa.GqaQuestion;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.eval.EvalItem;

/**
 * Turns a stream of GQA questions into evaluation items: the id is the qid, the image the imageId, the families
 * the structural and semantic types ({@code structural/verify}, {@code semantic/attr}).
 */
public final class GqaItems implements Iterator<EvalItem<GqaQuestion>> {

    private final DatasetReader<GqaQuestion> reader;
    private final boolean answers;

    /** Wraps an open questions reader (the caller closes it). */
    public GqaItems(DatasetReader<GqaQuestion> reader) {
        this(reader, true);
    }

    /**
     * Wraps an open questions reader (the caller closes it).
     *
     * @param reader the reader
     * @param answers whether the items carry the file's answers (not when only programs are scored)
     */
    public GqaItems(DatasetReader<GqaQuestion> reader, boolean answers) {
        this.reader = reader;
        this.answers = answers;
    }

    @Override
    public boolean hasNext() {
        return reader.hasNext();
    }

    @Override
    public EvalItem<GqaQuestion> next() {
        DatasetItem<GqaQuestion> d = reader.next();
        if (!d.ok()) {
            return new EvalItem<>(d.id(), "", "", null, List.of("unreadable"), null, d.error());
        }
        GqaQuestion q = d.value();
        return new EvalItem<>(q.id(), q.imageId(), q.question(), answers ? q.answer() : null, q.families(), q, null);
    }
}
