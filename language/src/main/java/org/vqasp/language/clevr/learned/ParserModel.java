package org.vqasp.language.clevr.learned;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.language.clevr.learned.ProgramGrammar.Signature;
import org.vqasp.language.clevr.learned.ProgramGrammar.Type;

/**
 * A trained parser model: the network with its word vocabulary, its grammar and its decoding settings, and the
 * directory layout it is stored in.
 *
 * <ul>
 *   <li>{@code config.json}: {@code {"format": 1, "net": {...}, "grammar": {"functions": [{"name", "inputs",
 *       "value_kind", "output"}] (output {@code value}: a value of the attribute given), "values": {kind: [...]}}, "beams", "threshold"}};
 *   <li>{@code words.json}: {@code {"words": [...], "counts": [...]}}, most frequent first;
 *   <li>{@code parser-net.params}: the network's parameters (DJL block format).
 * </ul>
 *
 * <p>Owns an {@link NDManager}; close it when done. Reading ({@link #net()}) is safe from several threads.
 */
public final class ParserModel implements AutoCloseable {

    /** The parameter file's name. */
    public static final String PARAMS = "parser-net.params";
    /** The classpath folder of the bundled model. */
    public static final String BUNDLED = "/org/vqasp/language/models/clevr-parser/";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] FILES = {"config.json", "words.json", PARAMS};

    private final NDManager manager;
    private final ParserNet net;
    private final WordVocabulary vocabulary;
    private final ProgramGrammar grammar;
    private final int beams;
    private final double threshold;

    /**
     * Wraps a network.
     *
     * @param manager the manager holding the network's parameters; closed with this model
     * @param net the network, initialised
     * @param vocabulary its words
     * @param grammar its program tokens
     * @param beams beam width when parsing
     * @param threshold the least probability at which the best program is used
     */
    public ParserModel(NDManager manager, ParserNet net, WordVocabulary vocabulary, ProgramGrammar grammar, int beams,
            double threshold) {
        if (net.config().words() != vocabulary.size() || net.config().tokens() != grammar.size()) {
            throw new IllegalArgumentException("network expects " + net.config().words() + " words and "
                    + net.config().tokens() + " tokens; vocabulary has " + vocabulary.size() + ", grammar "
                    + grammar.size());
        }
        if (beams < 1) {
            throw new IllegalArgumentException("beams must be at least 1, got " + beams);
        }
        this.manager = manager;
        this.net = net;
        this.vocabulary = vocabulary;
        this.grammar = grammar;
        this.beams = beams;
        this.threshold = threshold;
    }

    /** Returns the network. */
    public ParserNet net() {
        return net;
    }

    /** Returns the manager the parameters live in. */
    public NDManager manager() {
        return manager;
    }

    /** Returns the word vocabulary. */
    public WordVocabulary vocabulary() {
        return vocabulary;
    }

    /** Returns the grammar. */
    public ProgramGrammar grammar() {
        return grammar;
    }

    /** Returns the beam width. */
    public int beams() {
        return beams;
    }

    /** Returns the confidence threshold. */
    public double threshold() {
        return threshold;
    }

    /** Returns a copy of this model's settings with another threshold, sharing the network. */
    public ParserModel withThreshold(double t) {
        return new ParserModel(manager, net, vocabulary, grammar, beams, t);
    }

    /**
     * Writes the model into a directory (created if needed); each file is written beside and moved into place.
     *
     * @throws IOException when a file cannot be written
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode config = MAPPER.createObjectNode();
        config.put("format", 1);
        config.set("net", net.config().toJson(MAPPER));
        config.set("grammar", grammarJson(grammar));
        config.put("beams", beams);
        config.put("threshold", threshold);
        Path tmp = dir.resolve("config.json.tmp");
        MAPPER.writeValue(tmp.toFile(), config);
        Files.move(tmp, dir.resolve("config.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ObjectNode words = MAPPER.createObjectNode();
        ArrayNode w = words.putArray("words");
        vocabulary.words().forEach(w::add);
        ArrayNode c = words.putArray("counts");
        vocabulary.counts().forEach(c::add);
        tmp = dir.resolve("words.json.tmp");
        new ObjectMapper().writeValue(tmp.toFile(), words);
        Files.move(tmp, dir.resolve("words.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        writeParameters(net, dir.resolve(PARAMS));
    }

    /** Writes a network's parameters to a file, beside and then moved into place. */
    static void writeParameters(ParserNet net, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            net.saveParameters(new DataOutputStream(os));
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Returns a grammar as the JSON {@code config.json} keeps. */
    static ObjectNode grammarJson(ProgramGrammar grammar) {
        ObjectNode g = MAPPER.createObjectNode();
        ArrayNode fns = g.putArray("functions");
        for (Signature s : grammar.signatures()) {
            ObjectNode f = fns.addObject();
            f.put("name", s.name());
            ArrayNode in = f.putArray("inputs");
            s.inputs().forEach(t -> in.add(t.name().toLowerCase()));
            if (s.valueKind() != null) {
                f.put("value_kind", s.valueKind());
            }
            f.put("output", s.output() == null ? "value" : s.output().name().toLowerCase());
        }
        ObjectNode values = g.putObject("values");
        for (Signature s : grammar.signatures()) {
            if (s.valueKind() != null && !values.has(s.valueKind())) {
                ArrayNode a = values.putArray(s.valueKind());
                grammar.values(s.valueKind()).forEach(a::add);
            }
        }
        return g;
    }

    static ProgramGrammar readGrammar(JsonNode g, String source) {
        List<Signature> sigs = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        try {
            for (JsonNode f : g.path("functions")) {
                List<Type> in = new ArrayList<>();
                for (JsonNode t : f.path("inputs")) {
                    in.add(Type.valueOf(t.asText().toUpperCase()));
                }
                String out = f.path("output").asText();
                sigs.add(new Signature(f.path("name").asText(), in,
                        f.hasNonNull("value_kind") ? f.get("value_kind").asText() : null,
                        out.equals("value") ? null : Type.valueOf(out.toUpperCase())));
            }
            g.path("values").fields().forEachRemaining(e -> {
                List<String> vs = new ArrayList<>();
                e.getValue().forEach(v -> vs.add(v.asText()));
                values.put(e.getKey(), vs);
            });
            return new ProgramGrammar(sigs, values);
        } catch (IllegalArgumentException e) {
            throw new InputException(ErrorKind.BAD_MODEL, source + ": grammar: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model directory.
     *
     * @throws InputException when a file is missing or malformed
     */
    public static ParserModel read(Path dir) {
        return read(name -> Files.newInputStream(dir.resolve(name)), dir.toString());
    }

    /**
     * Reads the model bundled with vqasp.
     *
     * @throws InputException when the bundled files are missing (a build without the model)
     */
    public static ParserModel bundled() {
        return read(name -> {
            InputStream in = ParserModel.class.getResourceAsStream(BUNDLED + name);
            if (in == null) {
                throw new NoSuchFileException(BUNDLED + name);
            }
            return in;
        }, "bundled parser model " + BUNDLED);
    }

    /** Returns whether a model is bundled on the classpath. */
    public static boolean hasBundled() {
        return ParserModel.class.getResource(BUNDLED + "config.json") != null;
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static ParserModel read(Opener opener, String source) {
        NDManager manager = NDManager.newBaseManager();
        try {
            JsonNode config;
            JsonNode words;
            try (InputStream in = opener.open(FILES[0])) {
                config = MAPPER.readTree(in);
            }
            try (InputStream in = opener.open(FILES[1])) {
                words = MAPPER.readTree(in);
            }
            if (config.path("format").asInt() != 1) {
                throw new InputException(ErrorKind.BAD_MODEL, source + "/config.json: unknown format "
                        + config.path("format"));
            }
            ParserNetConfig nc = ParserNetConfig.fromJson(config.path("net"), source + "/config.json");
            ProgramGrammar grammar = readGrammar(config.path("grammar"), source + "/config.json");
            List<String> w = new ArrayList<>();
            List<Integer> c = new ArrayList<>();
            words.path("words").forEach(n -> w.add(n.asText()));
            words.path("counts").forEach(n -> c.add(n.asInt()));
            WordVocabulary vocabulary = new WordVocabulary(w, c);
            ParserNet net = new ParserNet(nc);
            net.initialize(manager, 1, 2, 1);
            try (InputStream in = new BufferedInputStream(opener.open(PARAMS))) {
                net.loadParameters(manager, new DataInputStream(in));
            }
            return new ParserModel(manager, net, vocabulary, grammar, config.path("beams").asInt(4),
                    config.path("threshold").asDouble(0));
        } catch (NoSuchFileException e) {
            manager.close();
            throw new InputException(ErrorKind.MISSING_MODEL, source + ": no file " + e.getMessage());
        } catch (IOException | MalformedModelException | IllegalArgumentException e) {
            manager.close();
            throw new InputException(ErrorKind.BAD_MODEL, source + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
