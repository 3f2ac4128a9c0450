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
 * The interactive prompt of {@code vqa ask}: line editing and history (JLine), completion of the vocabulary and
 * of the colon commands, one answer per question, over a CLEVR session ({@link AskSession}) or a GQA one
 * ({@link GqaAskSession}).
 */
public final class AskShell {

    /** The colon commands of a CLEVR session, with their help text. */
    static final List<String[]> COMMANDS = List.of(
            new String[] {":scene", "show the objects of the current image"},
            new String[] {":program", "show the program of the last question"},
            new String[] {":why", "explain the last answer: what each step kept, which objects were used"},
            new String[] {":open PATH", "open another image (or a scenes .json file)"},
            new String[] {":annotate OUT.png", "draw the objects, and those the last answer used, on the image"},
            new String[] {":help", "show this help"},
            new String[] {":quit", "leave (Ctrl-D works too)"});

    /** What the prompt asks and shows: one dataset's session. */
    interface Backend {
        /** Returns what is open, for people. */
        String sceneName();

        /** Returns the colon commands with their help text. */
        List<String[]> commands();

        /** Returns an example question for the help. */
        String example();

        /** Returns the words to complete. */
        Set<String> vocabulary();

        /** Returns true when {@code :open} and {@code :annotate} take file names. */
        boolean completesFiles();

        /** Returns what {@code :open} takes when it is not a file name (a GQA file's image ids), or none. */
        default Set<String> openables() {
            return Set.of();
        }

        /** Prints the objects of the current scene. */
        void scene(PrintWriter out);

        /** Answers a question and prints the answer. */
        void ask(String question, PrintWriter out);

        /**
         * Handles a colon command other than {@code :help} and {@code :quit}.
         *
         * @return false when the command is unknown
         */
        boolean command(String name, String arg, PrintWriter out);
    }

    private final Backend backend;
    private final Path history;

    /**
     * Creates the shell over a CLEVR session.
     *
     * @param session the session with an image or scene open
     * @param history the history file
     */
    public AskShell(AskSession session, Path history) {
        this(new ClevrBackend(session), history);
    }

    /**
     * Creates the shell over a GQA session.
     *
     * @param session the session with a scene graph open
     * @param history the history file
     */
    public AskShell(GqaAskSession session, Path history) {
        this(new GqaBackend(session), history);
    }

    private AskShell(Backend backend, Path history) {
        this.backend = backend;
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
            out.println("Ask questions about " + backend.sceneName() + "; :help lists the commands, Tab completes.");
            backend.scene(out);
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
            backend.ask(line, out);
            return true;
        }
        String[] parts = line.split("\\s+", 2);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0]) {
            case ":quit", ":q", ":exit" -> {
                return false;
            }
            case ":help", ":h", ":?" -> {
                for (String[] c : backend.commands()) {
                    out.printf("  %-18s %s%n", c[0], c[1]);
                }
                out.println("  anything else is a question, e.g. \"" + backend.example() + "\"");
            }
            default -> {
                if (!backend.command(parts[0], arg, out)) {
                    out.println("unknown command " + parts[0] + "; :help lists the commands");
                }
            }
        }
        return true;
    }

    /** The prompt over a CLEVR session. */
    private record ClevrBackend(AskSession session) implements Backend {
        @Override
        public String sceneName() {
            return session.sceneName();
        }

        @Override
        public List<String[]> commands() {
            return COMMANDS;
        }

        @Override
        public String example() {
            return "How many red things are there?";
        }

        @Override
        public Set<String> vocabulary() {
            return session.vocabulary();
        }

        @Override
        public boolean completesFiles() {
            return true;
        }

        @Override
        public void scene(PrintWriter out) {
            AskPrinter.objects(out, session.scene(), session.sceneName());
        }

        @Override
        public void ask(String question, PrintWriter out) {
            AskPrinter.text(out, session.ask(question), false);
        }

        @Override
        public boolean command(String name, String arg, PrintWriter out) {
            switch (name) {
                case ":scene" -> scene(out);
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
                            scene(out);
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
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    /** The prompt over a GQA session. */
    private record GqaBackend(GqaAskSession session) implements Backend {

        private static final List<String[]> GQA_COMMANDS = List.of(
                new String[] {":scene", "show the objects of the current image"},
                new String[] {":relations", "show the relations between the objects"},
                new String[] {":program", "show the program of the last question"},
                new String[] {":why", "explain the last answer: what each step kept, which objects were used"},
                new String[] {":images", "list the images of the scene-graphs file"},
                new String[] {":open IMAGE_ID", "open another image of the file (Tab completes the ids)"},
                new String[] {":help", "show this help"},
                new String[] {":quit", "leave (Ctrl-D works too)"});

        /** Image ids {@code :images} lists at most: a released file has tens of thousands. */
        private static final int IMAGES_LISTED = 100;

        @Override
        public String sceneName() {
            return session.sceneName();
        }

        @Override
        public List<String[]> commands() {
            return GQA_COMMANDS;
        }

        private static String imageList(Set<String> ids) {
            if (ids.size() <= IMAGES_LISTED) {
                return "images: " + String.join(", ", ids);
            }
            return ids.size() + " images; the first " + IMAGES_LISTED + ": "
                    + String.join(", ", ids.stream().limit(IMAGES_LISTED).toList()) + " (:open IMAGE_ID opens any)";
        }

        @Override
        public String example() {
            return "What is on the white wall?";
        }

        @Override
        public Set<String> vocabulary() {
            return session.vocabulary();
        }

        @Override
        public boolean completesFiles() {
            return false;
        }

        @Override
        public Set<String> openables() {
            return session.imageIds();
        }

        @Override
        public void scene(PrintWriter out) {
            GqaAskPrinter.objects(out, session.graph(), session.sceneName());
        }

        @Override
        public void ask(String question, PrintWriter out) {
            GqaAskPrinter.text(out, session.ask(question), false);
        }

        @Override
        public boolean command(String name, String arg, PrintWriter out) {
            GqaAskSession.GqaAskResult last = session.last();
            switch (name) {
                case ":scene" -> scene(out);
                case ":relations" -> GqaAskPrinter.relations(out, session.graph());
                case ":program" -> out.println(last == null || last.program() == null ? "no program yet"
                        : GqaAskPrinter.program(last.program()));
                case ":why" -> {
                    if (last == null) {
                        out.println("ask a question first");
                    } else {
                        GqaAskPrinter.why(out, last);
                    }
                }
                case ":images" -> out.println(imageList(session.imageIds()));
                case ":open" -> {
                    if (arg.isEmpty()) {
                        out.println("usage: :open IMAGE_ID (:images lists them)");
                    } else {
                        try {
                            session.openImage(arg);
                            scene(out);
                        } catch (VqaspException e) {
                            out.println("cannot open: " + e.getMessage());
                        }
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    private Completer completer() {
        Set<String> words = new TreeSet<>(backend.vocabulary());
        Completer files = new Completers.FileNameCompleter();
        return (LineReader reader, ParsedLine line, List<Candidate> candidates) -> {
            List<String> ws = line.words();
            if (backend.completesFiles() && line.wordIndex() > 0 && !ws.isEmpty()
                    && (ws.get(0).equals(":open") || ws.get(0).equals(":annotate"))) {
                files.complete(reader, line, candidates);
                return;
            }
            if (line.wordIndex() == 1 && !ws.isEmpty() && ws.get(0).equals(":open")) {
                backend.openables().forEach(id -> candidates.add(new Candidate(id)));
                return;
            }
            String w = line.word();
            if (line.wordIndex() == 0 && w.startsWith(":")) {
                for (String[] c : backend.commands()) {
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
