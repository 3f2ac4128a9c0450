package org.vqasp.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.vqasp.core.json.JsonItemStream;

/**
 * One Spark partition of an evaluation: a run of whole batches of the local run, i.e. a contiguous stretch of the
 * questions file (an image's consecutive questions never straddle two slices).
 *
 * @param index the partition number, from 0
 * @param start where the slice's first question starts in the file
 * @param span the questions of the file from the first to the last of the slice, inclusive
 * @param skip identifiers within the span that an earlier local run answered (they are not answered again)
 * @param questions the questions the slice answers ({@code span - skip.size()})
 * @param graphs for GQA: where the scene graph of each image the slice asks about starts in the scene-graphs file
 *     (an image without one is missing from the map); empty for CLEVR
 */
record Slice(int index, JsonItemStream.Mark start, long span, List<String> skip, long questions,
        Map<String, JsonItemStream.Mark> graphs) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the collections. */
    Slice {
        skip = List.copyOf(skip);
        graphs = Map.copyOf(graphs);
    }
}
