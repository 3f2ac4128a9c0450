package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vqasp.report.Report;
import org.vqasp.report.RunInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vqa report}: one self-contained HTML page of one or more runs. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write one self-contained HTML page (charts, tables, a gallery of failures) of run directories: "
                    + "evaluations, checks, distillations, training runs, studies, and bench --json files.",
            "Several evaluation runs are compared first: figures side by side, families that moved, questions "
                    + "that flipped (against the first run)."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories (or bench --json files).")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The HTML file (default: RUN_DIR/report.html for one run, report.html for several).")
    Path out;

    @Option(names = "--gallery", paramLabel = "N", defaultValue = "" + Report.DEFAULT_GALLERY,
            description = "Most failures shown with their image and trace, per evaluation run "
                    + "(default: ${DEFAULT-VALUE}).")
    int gallery;

    @Option(names = "--questions", paramLabel = "Q.json",
            description = "The questions file the runs read (default: from each run's provenance.json).")
    Path questions;

    @Option(names = "--scenes", paramLabel = "S.json",
            description = "The gold scenes (or GQA scene graphs) the runs read (default: from provenance.json).")
    Path scenes;

    @Option(names = "--images", paramLabel = "DIR",
            description = "The image directory of the runs (default: from provenance.json).")
    Path images;

    @Override
    public Integer call() {
        if (gallery < 0) {
            throw new ParameterException(spec.commandLine(), "--gallery must not be negative, was " + gallery);
        }
        Path file = out != null ? out : runs.size() == 1 && Files.isDirectory(runs.get(0))
                ? runs.get(0).resolve(Report.FILE) : Path.of(Report.FILE);
        RunInputs given = new RunInputs(null, null, questions, scenes, images, null, null, false);
        Report.Result r = Report.write(runs, new Report.Options(file, gallery, given));
        PrintWriter w = spec.commandLine().getOut();
        r.sections().forEach(s -> w.println("  " + s));
        w.printf(Locale.ROOT, "report: %s (%.1f MB, %.1f s)%n", r.file(), r.bytes() / 1e6, r.seconds());
        w.flush();
        return 0;
    }
}
