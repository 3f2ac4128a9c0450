package org.vqasp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Stack;
import org.vqasp.core.io.AtomicFiles;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code --json [FILE]}, declared once, meaning the same in every command: the command's JSON document (its
 * summary, table or answer), printed on standard output instead of the tables, or, given a {@code FILE.json}, written
 * to that file while the tables print as usual.
 */
final class JsonOption {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String STDOUT = "-";

    @Option(names = "--json", paramLabel = "FILE", arity = "0..1", fallbackValue = STDOUT,
            parameterConsumer = FileOnlyIfJson.class,
            description = "The JSON document on standard output instead of tables; with FILE.json, written to FILE "
                    + "as well.")
    String json;

    /** Returns true when the JSON goes to standard output and the tables are left out. */
    boolean stdout() {
        return STDOUT.equals(json);
    }

    /** Returns the file the JSON also goes to, or null. */
    Path file() {
        return json == null || stdout() ? null : Path.of(json);
    }

    /**
     * Sends the JSON document where the option says: standard output, a file, or nowhere.
     *
     * @param out standard output
     * @param doc the document
     */
    void emit(PrintWriter out, JsonNode doc) throws Exception {
        if (stdout()) {
            out.println(MAPPER.writeValueAsString(doc));
            out.flush();
        } else if (file() != null) {
            Path parent = file().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.writeJson(file(), doc);
        }
    }

    /** Takes the next argument as the file only when it names a {@code .json} file, so questions are never taken. */
    static final class FileOnlyIfJson implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            String next = args.isEmpty() ? null : args.peek();
            String value = next != null && !next.startsWith("-") && next.toLowerCase().endsWith(".json") ? args.pop()
                    : STDOUT;
            argSpec.setValue(value);
        }
    }
}
