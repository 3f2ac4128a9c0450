package org.vqasp.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.cli.ClusterRunner;
import org.vqasp.core.Progress;
import org.vqasp.core.io.AppendedLines;
import org.vqasp.eval.EvalRunner;
import org.vqasp.eval.PredictionLog;
import org.vqasp.eval.clevr.SceneLog;
import org.vqasp.eval.gqa.GqaEvaluation;
import org.vqasp.world.SceneMetrics;
import org.vqasp.world.render.ClevrWorldGenerator;

/**
 * The driver of {@code --spark} runs: cuts the job into partitions, runs those not yet committed on Spark, and
 * assembles the parts into exactly the files a local run writes ({@code predictions.jsonl} in file order, then the
 * command's own {@code summary.json}; the released layout for {@code generate}). Found by
 * {@link ClusterRunner#load()}; Spark classes load only when one of its methods runs.
 */
public final class SparkRunner implements ClusterRunner {

    /** Questions per partition by default: one to a few seconds of reasoning, about 50 images of vision. */
    static final int DEFAULT_QUESTIONS = 512;
    /** Images per partition by default: about ten seconds of rendering on one core. */
    static final int DEFAULT_IMAGES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SparkRunner.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Creates the runner (ServiceLoader). */
    public SparkRunner() {
    }

    @Override
    public ClevrEvalResult evalClevr(Cluster cluster, ClevrEval job, EvalRunner.Options options, Progress progress) {
        ClevrEvalJob spark = new ClevrEvalJob(job);
        Evaluated e = evaluate(cluster, spark, options, progress);
        String dir = e.work().dir().toString();
        if (spark.vision()) {
            List<Path> parts = new ArrayList<>();
            for (int i = 0; i < e.parts(); i++) {
                parts.add(WorkDir.part(dir, i, ClevrEvalJob.SCENES));
            }
            appendScenes(options.out().resolve(SceneLog.FILE), parts);
        }
        SceneMetrics.Evaluation metrics = null;
        if (spark.scoresScenes() && e.complete()) {
            SceneMetrics all = new SceneMetrics();
            for (int i = 0; i < e.parts(); i++) {
                all.addAll(readMetrics(WorkDir.part(dir, i, ClevrEvalJob.METRICS)));
            }
            metrics = all.result();
        }
        e.work().delete();
        return new ClevrEvalResult(e.run(), metrics);
    }

    @Override
    public EvalRunner.Run evalGqa(Cluster cluster, Path questions, Path sceneGraphs, GqaEvaluation.Programs programs,
            EvalRunner.Options options, Progress progress) {
        Evaluated e = evaluate(cluster, new GqaEvalJob(questions, sceneGraphs, programs), options, progress);
        e.work().delete();
        return e.run();
    }

    /**
     * What an evaluation did.
     *
     * @param run the run
     * @param work the work directory (the caller deletes it after reading the parts' extras)
     * @param parts the number of parts
     * @param complete true when this job answered every question itself (no earlier local run, no part of an
     *     earlier attempt at the job), as a fresh local run would
     */
    private record Evaluated(EvalRunner.Run run, WorkDir work, int parts, boolean complete) {
    }

    private <T> Evaluated evaluate(Cluster cluster, EvalJob<T> job, EvalRunner.Options options, Progress progress) {
        long start = System.nanoTime();
        int size = cluster.partitionSize() > 0 ? cluster.partitionSize() : DEFAULT_QUESTIONS;
        Path out = options.out();
        EvalPlanner.Plan plan;
        try (PredictionLog log = PredictionLog.open(out)) {
            plan = EvalPlanner.plan(job, options.limit(), options.batchSize(), size, log::done);
        }
        WorkDir work = new WorkDir(out);
        ObjectNode manifest = job.describe();
        manifest.put("limit", options.limit());
        manifest.put("batch_size", options.batchSize());
        manifest.put("partition_size", size);
        manifest.put("earlier_rows", plan.resumed());
        manifest.put("partitions", plan.slices().size());
        int kept = work.begin(manifest);
        String dir = work.dir().toString();
        List<Slice> todo = new ArrayList<>();
        long keptQuestions = 0;
        for (Slice s : plan.slices()) {
            if (Files.exists(WorkDir.part(dir, s.index(), "jsonl"))) {
                keptQuestions += s.questions();
            } else {
                todo.add(s);
            }
        }
        long total = plan.resumed() + plan.questions();
        LOG.info("{}: {} partitions ({} kept from an earlier attempt), {} questions", job.name(),
                plan.slices().size(), kept, plan.questions());
        progress.update(plan.resumed() + keptQuestions, total, "");
        long answered = 0;
        if (!todo.isEmpty()) {
            int batch = options.batchSize();
            long base = plan.resumed() + keptQuestions;
            try (JavaSparkContext sc = Contexts.open(cluster, job.name())) {
                listen(sc, i -> todo.get((int) i).questions(), base, total, progress);
                List<EvalTasks.Done> done = sc.parallelize(todo, todo.size())
                        .map(s -> EvalTasks.run(job, dir, batch, s)).collect();
                answered = done.stream().mapToLong(EvalTasks.Done::answered).sum();
            }
        }
        List<Path> parts = new ArrayList<>();
        for (Slice s : plan.slices()) {
            parts.add(WorkDir.part(dir, s.index(), "jsonl"));
        }
        Path predictions = out.resolve("predictions.jsonl");
        WorkDir.concatenate(predictions, predictions, parts);
        double seconds = (System.nanoTime() - start) / 1e9;
        EvalRunner.Run run = new EvalRunner.Run(predictions, seconds, answered, total - answered);
        return new Evaluated(run, work, plan.slices().size(), plan.resumed() == 0 && answered == plan.questions());
    }

    @Override
    public ClevrWorldGenerator.Summary generateClevr(Cluster cluster, Generate job, ClevrWorldGenerator.Builder builder,
            Progress progress) {
        long start = System.nanoTime();
        int size = cluster.partitionSize() > 0 ? cluster.partitionSize() : DEFAULT_IMAGES;
        ClevrWorldGenerator generator = builder.optProgress(progress).build();
        generator.prepareOutput();
        GenerateJob spark = new GenerateJob(job);
        WorkDir work = new WorkDir(job.out());
        int partitions = (spark.images() + size - 1) / size;
        ObjectNode manifest = spark.describe(size);
        manifest.put("partitions", partitions);
        work.begin(manifest);
        String dir = work.dir().toString();
        List<Integer> todo = new ArrayList<>();
        boolean[] keptPart = new boolean[partitions];
        for (int i = 0; i < partitions; i++) {
            keptPart[i] = Files.exists(WorkDir.part(dir, i, "jsonl"));
            if (!keptPart[i]) {
                todo.add(i);
            }
        }
        int n = spark.images();
        progress.update((long) (partitions - todo.size()) * size, n, "rendering on Spark");
        if (!todo.isEmpty()) {
            try (JavaSparkContext sc = Contexts.open(cluster, "generate clevr")) {
                listen(sc, i -> Math.min(n, (todo.get((int) i) + 1L) * size) - (long) todo.get((int) i) * size,
                        (long) (partitions - todo.size()) * size, n, progress);
                sc.parallelize(todo, todo.size())
                        .map(i -> spark.run(dir, i, i * size, Math.min(n, (i + 1) * size))).collect();
            }
        }
        Iterator<ClevrWorldGenerator.Image> images = new Iterator<>() {
            private int part;
            private Iterator<ClevrWorldGenerator.Image> current = List.<ClevrWorldGenerator.Image>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && part < partitions) {
                    current = GenerateJob.read(WorkDir.part(dir, part, "jsonl"), keptPart[part]).iterator();
                    part++;
                }
                return current.hasNext();
            }

            @Override
            public ClevrWorldGenerator.Image next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        ClevrWorldGenerator.Summary s = generator.assemble(images);
        work.delete();
        return new ClevrWorldGenerator.Summary(s.images(), s.rendered(), s.reused(), s.questions(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Reports progress as tasks finish: {@code size} gives the questions (or images) of task {@code i}. */
    private static void listen(JavaSparkContext sc, LongUnaryOperator size, long base, long total, Progress progress) {
        AtomicLong done = new AtomicLong(base);
        sc.sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().successful()) {
                    progress.update(done.addAndGet(size.applyAsLong(end.taskInfo().index())), total, "");
                }
            }
        });
    }

    /**
     * Appends the parts' scenes to a run's {@code scenes.jsonl} as a local run writes them: once per image, the first
     * reading kept (an earlier local run's scenes come first), a line cut short by a kill dropped.
     */
    private static void appendScenes(Path file, List<Path> parts) {
        try {
            Set<String> written = new HashSet<>();
            if (Files.exists(file)) {
                AppendedLines.cutPartialLastLine(file);
                written.addAll(SceneLog.read(file, name -> true).keySet());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".partial");
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (Files.exists(file)) {
                    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        in.transferTo(out);
                    }
                }
                for (Path part : parts) {
                    try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            String image = MAPPER.readTree(line).path("image_filename").asText(null);
                            if (image != null && written.add(image)) {
                                out.write(line);
                                out.write('\n');
                            }
                        }
                    }
                }
            }
            WorkDir.commit(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static SceneMetrics readMetrics(Path file) {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return (SceneMetrics) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new UncheckedIOException("cannot read " + file,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
