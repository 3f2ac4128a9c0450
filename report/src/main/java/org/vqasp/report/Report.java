package org.vqasp.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;

/**
 * {@code vqa report}: turns run directories (evaluations, checks, distillations, training runs, studies) and
 * benchmark JSON files into one self-contained HTML page: styles, charts and images are inside the file, so it
 * opens offline and can be mailed. Several evaluation runs given together are compared first (figures side by side,
 * families that moved, questions that flipped), then shown one by one.
 */
public final class Report {

    private static final Logger LOG = LoggerFactory.getLogger(Report.class);

    /** The report's file name when it is written into a run directory. */
    public static final String FILE = "report.html";

    /** Failures shown as cards per evaluation run, unless told otherwise. */
    public static final int DEFAULT_GALLERY = 48;

    private Report() {
    }

    /**
     * How to write a report.
     *
     * @param out the HTML file to write
     * @param gallery the most failures shown as cards per evaluation run (0: none)
     * @param inputs input files that override those recorded in the runs (any may be null)
     */
    public record Options(Path out, int gallery, RunInputs inputs) {

        /** Checks the values. */
        public Options {
            Objects.requireNonNull(out, "out");
            if (gallery < 0) {
                throw new IllegalArgumentException("gallery must not be negative, was " + gallery);
            }
            inputs = inputs == null ? RunInputs.NONE : inputs;
        }
    }

    /**
     * What was written.
     *
     * @param file the HTML file
     * @param bytes its size
     * @param sections one line per run shown: its kind and name
     * @param seconds how long writing took
     */
    public record Result(Path file, long bytes, List<String> sections, double seconds) {
    }

    /**
     * Writes the report of one or more runs.
     *
     * @param runs run directories or benchmark JSON files, in the order to show them (the first is the baseline
     *     of a comparison)
     * @param options where and how
     * @return what was written
     * @throws InputException when a path is neither a run directory nor a benchmark file
     */
    public static Result write(List<Path> runs, Options options) {
        long t0 = System.nanoTime();
        if (runs.isEmpty()) {
            throw new InputException(ErrorKind.MISSING_FILE, "no run directory given");
        }
        List<Path> items = new ArrayList<>();
        for (Path p : runs) {
            items.addAll(expand(p));
        }
        List<String> names = RunNames.of(items);
        List<Object> sections = new ArrayList<>();
        List<EvalRun> evals = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<List<String>> overview = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Path p = items.get(i);
            String name = names.get(i);
            String anchor = "run-" + (i + 1);
            LOG.info("reading {}", p);
            Object section;
            String headline;
            if (Files.isRegularFile(p.resolve("predictions.jsonl"))) {
                EvalRun run = EvalRun.read(p, options.inputs());
                evals.add(run);
                EvalSection s = EvalSection.of(run, name, anchor, options.gallery());
                section = s;
                headline = s.cards().get(0).label() + " " + s.cards().get(0).value() + " (" + s.cards().get(0).detail()
                        + ")";
                lines.add(s.title() + ": " + name);
            } else if (DistillSection.isDistillation(p)) {
                DistillSection s = DistillSection.of(p, name, anchor);
                section = s;
                headline = "after " + s.cards().get(0).value() + ", before " + s.cards().get(1).value() + ", full "
                        + s.cards().get(2).value();
                lines.add("distillation: " + name);
            } else if (TrainingSection.isTraining(p)) {
                TrainingSection s = TrainingSection.of(p, name, anchor);
                section = s;
                headline = s.headline();
                lines.add("training (" + s.model() + "): " + name);
            } else if (StudySection.isStudy(p)) {
                StudySection s = StudySection.of(p, name, anchor);
                section = s;
                headline = s.table().rows().size() + " variants";
                lines.add("study: " + name);
            } else if (BenchSection.isBench(p)) {
                BenchSection s = BenchSection.of(p, name, anchor);
                section = s;
                headline = s.table().rows().size() + " rows";
                lines.add(s.title().toLowerCase(java.util.Locale.ROOT) + ": " + name);
            } else {
                throw new InputException(ErrorKind.NOT_A_RUN, p + ": not a run directory or benchmark file that vqa writes "
                        + "(expected predictions.jsonl, run.jsonl, metrics.json, study.json or bench --json output)");
            }
            sections.add(section);
            overview.add(List.of(name, kindOf(section), headline, p.toString()));
        }
        Comparison comparison = evals.size() >= 2 ? Comparison.of(evals) : null;
        Table runsTable = items.size() >= 2 ? new Table("Runs in this report", List.of("run", "kind", "headline",
                "path"), overview, "") : null;
        String title = items.size() == 1 ? "vqasp report: " + names.get(0) : "vqasp report: " + items.size() + " runs";
        Page page = new Page(title, ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME), runsTable,
                comparison, sections);
        String html = HtmlPage.render(page);
        writeAtomically(options.out(), html);
        try {
            return new Result(options.out(), Files.size(options.out()), lines, (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + options.out(), e);
        }
    }

    /**
     * The page as the template sees it.
     *
     * @param title the page title
     * @param generated when it was written
     * @param runs the runs in the report (when there are several), or null
     * @param comparison the comparison of evaluation runs, or null
     * @param sections one section per run
     */
    public record Page(String title, String generated, Table runs, Comparison comparison, List<Object> sections) {
    }

    /** A directory of benchmark files (and nothing else the report reads) stands for its files. */
    private static List<Path> expand(Path p) {
        if (!Files.exists(p)) {
            throw new InputException(ErrorKind.MISSING_FILE, p + ": no such file or directory");
        }
        if (!Files.isDirectory(p) || Files.exists(p.resolve("predictions.jsonl")) || DistillSection.isDistillation(p)
                || TrainingSection.isTraining(p) || StudySection.isStudy(p)) {
            return List.of(p);
        }
        try (Stream<Path> files = Files.list(p)) {
            List<Path> bench = files.filter(BenchSection::isBench).sorted().toList();
            return bench.isEmpty() ? List.of(p) : bench;
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, p + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    private static String kindOf(Object section) {
        if (section instanceof EvalSection s) {
            return s.title();
        }
        if (section instanceof BenchSection s) {
            return s.title();
        }
        return section instanceof DistillSection ? "distillation" : section instanceof TrainingSection ? "training"
                : "study";
    }

    private static void writeAtomically(Path out, String html) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".report-", ".html");
            Files.writeString(tmp, html, java.nio.charset.StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                LOG.debug("no POSIX permissions here: {} keeps the temporary file's", out);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNWRITABLE, out + ": cannot write the report (" + e.getMessage() + ")", e);
        }
    }
}
