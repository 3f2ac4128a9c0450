package org.vqasp.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.BiPredicate;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.core.json.JsonItemStream;
import org.vqasp.eval.BatchAnswerer;
import org.vqasp.eval.EvalItem;

/**
 * An evaluation as a Spark job ships it to executors: the paths it reads, and how the local run reads items and
 * answers them. Everything that answers a question and makes its row is the local code ({@code EvalItem.of},
 * {@code ClevrAnswerer}, {@code GqaAnswerer}, {@code EvalRunner}); this class only says which.
 *
 * @param <T> the item payload type
 */
abstract class EvalJob<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Returns the command's name, such as {@code "eval clevr"}. */
    abstract String name();

    /** Opens the questions file at its start (driver). */
    abstract DatasetReader<T> open();

    /** Opens the questions file at a mark (executor). */
    abstract DatasetReader<T> openAt(JsonItemStream.Mark mark);

    /** Turns a reader into the items of the local run. */
    abstract Iterator<EvalItem<T>> items(DatasetReader<T> reader);

    /**
     * Returns the answerer of one slice (executor; what it loads once per executor comes from the cache).
     *
     * @param slice the slice
     * @param attempt the task attempt's directory, where the slice writes what it keeps beside its rows
     */
    abstract BatchAnswerer<T> answerer(Slice slice, Path attempt);

    /**
     * Commits what the slice kept beside its rows (executor, after the slice was answered, before its rows are
     * committed); nothing by default.
     *
     * @param attempt the task attempt's directory
     * @param work the work directory
     * @param index the slice
     * @throws IOException when a file cannot be committed
     */
    void commitExtras(Path attempt, String work, int index) throws IOException {
    }

    /** Closes what {@link #answerer} opened, whether the slice was answered or failed (executor). */
    void release() {
    }

    /** Returns whether a predicted answer matches the gold one, as the local run decides. */
    abstract BiPredicate<String, String> matches();

    /** Returns the inputs that decide the output (paths, sizes, times, options), for the manifest. */
    abstract ObjectNode describe();

    /**
     * Completes the slices on the driver once they are cut (GQA finds where each image's scene graph starts).
     *
     * @param slices the slices, each with the images its items ask about
     * @return the slices to run
     */
    java.util.List<Slice> complete(java.util.List<EvalPlanner.Cut> slices) {
        return slices.stream().map(EvalPlanner.Cut::slice).toList();
    }
}
