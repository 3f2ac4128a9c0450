package org.vqasp.cli;

import picocli.CommandLine.Option;

/** The {@code --report} flag of the commands that make run directories. */
final class ReportOption {

    @Option(names = "--report", description = "Also write the run's report, RUN_DIR/report.html (see vqa report).")
    boolean report;
}
