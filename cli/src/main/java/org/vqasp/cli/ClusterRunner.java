package org.vqasp.cli;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceLoader;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.Progress;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.clevr.ClevrEvaluation;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.world.SceneMetrics;
import org.vqasp.world.render.ClevrWorldGenerator;

/**
 * Runs a batch command on a cluster instead of local threads ({@code --spark MASTER}). The {@code spark} module
 * implements it and is found with {@link ServiceLoader} only when {@code --spark} is given, so a local run neither
 * loads nor needs Spark: the {@code vqa} launcher puts the module and Spark on the class path only for such runs.
 *
 * <p>Each method writes exactly the files the local command writes, in the same run or dataset directory.
 */
public interface ClusterRunner {

    /**
     * Where and how to run on the cluster.
     *
     * @param master the Spark master URL ({@code local[2]}, {@code spark://host:7077}, ...), or empty to take the
     *     one {@code spark-submit} set
     * @param partitionSize questions (eval) or images (generate) per partition, or 0 for the default
     */
    record Cluster(String master, int partitionSize) {
    }

    /**
     * {@code vqa eval clevr}: the questions, where scenes and programs come from.
     *
     * @param questions the questions file
     * @param scenes the gold scenes file, or null (vision without scoring)
     * @param vision true to read scenes from {@code images} with the vision model
     * @param images the image directory (vision), or null
     * @param model the model directory, or null for the bundled model (vision)
     * @param programs where programs come from
     * @param weighted answer over the scenes' probabilities as weighted choices
     */
    record ClevrEval(Path questions, Path scenes, boolean vision, Path images, Path model,
            ClevrEvaluation.Programs programs, boolean weighted) {
    }

    /**
     * What a CLEVR evaluation did.
     *
     * @param run the run (predictions file, time, counts)
     * @param sceneMetrics the scene graphs read scored against the gold scenes, or null (not vision, no gold
     *     scenes, or the run was resumed)
     */
    record ClevrEvalResult(EvalRunner.Run run, SceneMetrics.Evaluation sceneMetrics) {
    }

    /**
     * {@code vqa generate clevr}: the split to make.
     *
     * @param out the dataset directory
     * @param images the number of images
     * @param seed the seed
     * @param questionsPerImage questions per image (0: no questions file)
     * @param split the split name
     * @param cogent the CoGenT condition name, or null
     */
    record Generate(Path out, int images, long seed, int questionsPerImage, String split, String cogent) {
    }

    /** {@code vqa eval clevr} on the cluster. */
    ClevrEvalResult evalClevr(Cluster cluster, ClevrEval job, EvalRunner.Options options, Progress progress);

    /** {@code vqa eval gqa} on the cluster. */
    EvalRunner.Run evalGqa(Cluster cluster, Path questions, Path sceneGraphs, GqaEvaluation.Programs programs,
            EvalRunner.Options options, Progress progress);

    /**
     * {@code vqa generate clevr} on the cluster.
     *
     * @param cluster where to run
     * @param job the split's settings, as executors need them
     * @param builder the generator as the local command configures it (questions included): the driver writes the
     *     scenes and questions files with it
     * @param progress receives progress
     */
    ClevrWorldGenerator.Summary generateClevr(Cluster cluster, Generate job, ClevrWorldGenerator.Builder builder,
            Progress progress);

    /**
     * Returns the runner on the class path.
     *
     * @throws InputException when there is none (Spark and the spark module are not on the class path)
     */
    static ClusterRunner load() {
        Iterator<ClusterRunner> found = ServiceLoader.load(ClusterRunner.class).iterator();
        if (!found.hasNext()) {
            throw new InputException(ErrorKind.SPARK_MISSING, "--spark needs Spark and the vqasp spark module on the class path: "
                    + "run through ./vqa (it adds them when --spark is given) or spark-submit the job jar "
                    + "(docs/spark.md)");
        }
        return found.next();
    }
}
