package org.vqasp.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a run read, which a report needs to show its failures: the questions (for programs and image names),
 * the gold scenes or scene graphs, and the image directory. They come from the flags of {@code vqa report} when
 * given, else from the run's {@code provenance.json}: the inputs it records ({@code dataset.questions.path}, ...,
 * and {@code config.scene_source}, {@code config.programs}, {@code config.weighted}), else the flags of the
 * command line it records ({@code command_line}, a list of arguments or one string), relative paths resolved
 * against the recorded working directory, the current one, or the directories above the run.
 *
 * @param commandLine the recorded command line, or null
 * @param command the command ({@code "eval clevr"}, {@code "eval gqa"}, ...), or null
 * @param questions the questions file, or null
 * @param scenes the CLEVR scenes file (or GQA scene graphs), or null
 * @param images the image directory, or null
 * @param sceneSource {@code gold} or {@code vision}, or null when not recorded
 * @param programs {@code gold} or {@code parsed}, or null when not recorded
 * @param weighted whether answers were read over the scene's probabilities
 */
public record RunInputs(String commandLine, String command, Path questions, Path scenes, Path images,
        String sceneSource, String programs, boolean weighted) {

    /** No inputs known. */
    public static final RunInputs NONE = new RunInputs(null, null, null, null, null, null, null, false);

    /**
     * Returns these inputs with the non-null ones of {@code override} in their place.
     *
     * @param override inputs given on the report's command line
     */
    public RunInputs with(RunInputs override) {
        return new RunInputs(commandLine, command, pick(override.questions, questions), pick(override.scenes, scenes),
                pick(override.images, images), sceneSource, programs, weighted || override.weighted);
    }

    /**
     * Reads the inputs of a run directory from its {@code provenance.json}.
     *
     * @param runDir the run directory
     * @return what was recorded ({@link #NONE} without a provenance file or command line)
     */
    public static RunInputs of(Path runDir) {
        JsonNode p = JsonFields.read(runDir.resolve("provenance.json"));
        List<String> args = arguments(JsonFields.get(p, "command_line"));
        if (args.isEmpty()) {
            args = arguments(JsonFields.get(p, "command"));
        }
        if (args.isEmpty()) {
            return NONE;
        }
        List<Path> bases = new ArrayList<>();
        String cwd = JsonFields.firstText(p, "working_directory", "cwd", "working_dir", "user_dir");
        if (cwd != null) {
            bases.add(Path.of(cwd));
        }
        bases.add(Path.of("").toAbsolutePath());
        for (Path d = runDir.toAbsolutePath().getParent(); d != null; d = d.getParent()) {
            bases.add(d);
        }
        String command = null;
        for (int i = 0; i + 1 < args.size(); i++) {
            if (!args.get(i).startsWith("-") && !args.get(i + 1).startsWith("-") && (args.get(i).equals("eval")
                    || args.get(i).equals("check") || args.get(i).equals("distill") || args.get(i).equals("train"))) {
                command = args.get(i) + " " + args.get(i + 1);
                break;
            }
        }
        // the inputs as recorded (absolute paths under "dataset", choices under "config"), else the flags
        JsonNode dataset = JsonFields.get(p, "dataset");
        JsonNode config = JsonFields.get(p, "config");
        String scenes = firstNonNull(path(dataset, "scenes"), path(dataset, "scene_graphs"), option(args, "--scenes"),
                option(args, "--scene-graphs"));
        JsonNode weighted = JsonFields.get(config, "weighted");
        return new RunInputs(String.join(" ", args), command,
                resolve(firstNonNull(path(dataset, "questions"), option(args, "--questions")), bases),
                resolve(scenes, bases), resolve(firstNonNull(path(dataset, "images"), option(args, "--images")), bases),
                firstNonNull(JsonFields.text(config, "scene_source"), option(args, "--scene-source")),
                firstNonNull(JsonFields.text(config, "programs"), option(args, "--programs")),
                weighted.isBoolean() ? weighted.asBoolean() : args.contains("--weighted"));
    }

    private static String path(JsonNode dataset, String name) {
        JsonNode e = JsonFields.get(dataset, name);
        return e.isTextual() ? e.asText() : JsonFields.text(e, "path");
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Returns {@code vision} or {@code gold}: vision when recorded so, gold when not recorded. */
    public boolean vision() {
        return "vision".equals(sceneSource);
    }

    private static List<String> arguments(JsonNode n) {
        List<String> args = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(a -> args.add(a.asText()));
        } else if (n.isTextual()) {
            for (String a : n.asText().trim().split("\\s+")) {
                if (!a.isEmpty()) {
                    args.add(a);
                }
            }
        }
        return args;
    }

    private static String option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static Path resolve(String value, List<Path> bases) {
        if (value == null) {
            return null;
        }
        Path p = Path.of(value);
        if (p.isAbsolute()) {
            return p;
        }
        for (Path base : bases) {
            Path candidate = base.resolve(p).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return p;
    }

    private static Path pick(Path a, Path b) {
        return a != null ? a : b;
    }
}
