package org.vqasp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vqasp.report.Report;
import picocli.CommandLine.Option;

/**
 * {@code --report}, declared once for the commands that make run directories ({@code eval}, {@code distill},
 * {@code train vision}, {@code train parser}, {@code study attention}): at the end of the run, write its page, or
 * print the command that writes it.
 */
final class ReportOption {

    @Option(names = "--report", description = "Also write the run's report, RUN_DIR/report.html (see vqa report).")
    boolean report;

    /**
     * What a run command does at its end: writes the run's report ({@code --report}), or prints the command that
     * writes it.
     *
     * @param out where to print
     * @param dir the run directory
     * @param quiet whether to print nothing (the JSON document goes to standard output)
     */
    void finish(PrintWriter out, Path dir, boolean quiet) {
        if (report) {
            Report.Result r = Report.write(List.of(dir), new Report.Options(dir.resolve(Report.FILE),
                    Report.DEFAULT_GALLERY, null));
            if (!quiet) {
                out.printf(Locale.ROOT, "report:      %s (%.1f MB)%n", r.file(), r.bytes() / 1e6);
            }
        } else if (!quiet) {
            out.println("see it:      vqa report " + dir);
        }
        out.flush();
    }
}
