package org.vqasp.cli.ask;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.vqasp.core.VqaspException;

/**
 * The interactive prompt of {@code vqa ask}: line editing and history (JLine), completion of the CLEVR
 * vocabulary and of the colon commands, one answer per question.
 */
public final class AskShell {

    /** The colon commands, with their help text. */
    static final List<String[]> COMMANDS = List.of(
            new String[] {":scene", "show the objects of the current image"},
            new String[] {":program", "show the program of the last question"},
            new String[] {":why", "explain the last answer: what each step kept, which objects were used"},
            new String[] {":open PATH", "open another image (or a scenes .json file)"},
            new String[] {":annotate OUT.png", "draw the objects, and those the last answer used, on the image"},
            new String[] {":help", "show this help"},
            new String[] {":quit", "leave (Ctrl-D works too)"});

    private final AskSession session;
    private final Path history;

    /**
     * Creates the shell.
     *
     * @param session the session with an image or scene open
     * @param history the history file
     */
    public AskShell(AskSession session, Path history) {
        this.session = session;
        this.history = history;
    }

    /** Runs the prompt until {@code :quit} or end of input. */
    public void run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("vqa")
                    .completer(completer())
                    .variable(LineReader.HISTORY_FILE, history)
                    .option(LineReader.Option.CASE_INSENSITIVE, true)
                    .build();
            PrintWriter out = terminal.writer();
            out.println("Ask questions about " + session.sceneName() + "; :help lists the commands, Tab completes.");
            AskPrinter.objects(out, session.scene(), session.sceneName());
            out.flush();
            while (true) {
                String line;
                try {
                    line = reader.readLine("vqa> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (!handle(line, out)) {
                    break;
                }
                out.flush();
            }
            out.flush();
        }
    }

    /**
     * Handles one line.
     *
     * @return false to leave
     */
    boolean handle(String line, PrintWriter out) {
        if (!line.startsWith(":")) {
            AskPrinter.text(out, session.ask(line), false);
            return true;
        }
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0]) {
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            case ":help", ":h", ":?" -> {
                for (String[] c : COMMANDS) {
                    out.printf("  %-18s %s%n", c[0], c[1]);
                }
                out.println("  anything else is a question, e.g. \"How many red things are there?\"");
            }
            case ":scene" -> AskPrinter.objects(out, session.scene(), session.sceneName());
            case ":program" -> {
                AskResult last = session.last();
                out.println(last == null || last.program() == null ? "no program yet"
                        : AskPrinter.program(last.program()));
            }
            case ":why" -> {
                AskResult last = session.last();
                if (last == null) {
                    out.println("ask a question first");
                } else {
                    AskPrinter.why(out, last);
                }
            }
            case ":open" -> {
                if (arg.isEmpty()) {
                    out.println("usage: :open PATH");
                } else {
                    try {
                        Path p = Path.of(arg);
                        if (arg.endsWith(".json")) {
                            session.openScene(p);
                        } else {
                            session.openImage(p);
                        }
                        AskPrinter.objects(out, session.scene(), session.sceneName());
                    } catch (VqaspException e) {
                        out.println("cannot open: " + e.getMessage());
                    }
                }
            }
            case ":annotate" -> {
                if (arg.isEmpty()) {
                    out.println("usage: :annotate OUT.png");
                } else {
                    try {
                        out.println("wrote " + AskOutput.annotate(session, Path.of(arg)));
                    } catch (VqaspException e) {
                        out.println("cannot annotate: " + e.getMessage());
                    }
                }
            }
            default -> out.println("unknown command " + parts[0] + "; :help lists the commands");
        }
        return true;
    }

    private Completer completer() {
        Set<String> words = new TreeSet<>(session.vocabulary());
        Completer files = new Completers.FileNameCompleter();
        return (LineReader reader, ParsedLine line, List<Candidate> candidates) -> {
            List<String> ws = line.words();
            if (line.wordIndex() > 0 && !ws.isEmpty()
                    && (ws.get(0).equals(":open") || ws.get(0).equals(":annotate"))) {
                files.complete(reader, line, candidates);
                return;
            }
            String w = line.word();
            if (line.wordIndex() == 0 && w.startsWith(":")) {
                for (String[] c : COMMANDS) {
                    candidates.add(new Candidate(c[0].split(" ")[0], c[0].split(" ")[0], null, c[1], null, null, true));
                }
                return;
            }
            List<Candidate> found = new ArrayList<>();
            for (String v : words) {
                found.add(new Candidate(v));
            }
            candidates.addAll(found);
        };
    }
}
