package org.vqasp.world.questions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.json.Json;

/**
 * The CLEVR question templates with the generator's {@code metadata.json} and {@code synonyms.json}.
 *
 * <p>Families are numbered 0-89 over the template files in sorted file-name order and over the templates in
 * file order; {@code template_filename} and {@code template_index} name each template exactly. The bundled
 * CLEVR 1.0 files (BSD licence, {@code /clevr/generator/} on the classpath) are read by {@link #load()}.
 */
public final class TemplateLibrary {

    /** The classpath folder of the bundled generator files. */
    public static final String RESOURCE_ROOT = "/clevr/generator/";

    /** The bundled template files, in sorted name order. */
    static final List<String> CLEVR_1_0_FILES = List.of("compare_integer.json", "comparison.json", "one_hop.json",
            "same_relate.json", "single_and.json", "single_or.json", "three_hop.json", "two_hop.json",
            "zero_hop.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Template> templates;
    private final Map<String, Template> byName;
    private final ClevrMetadata metadata;
    private final Map<String, List<String>> synonyms;

    private TemplateLibrary(List<Template> templates, ClevrMetadata metadata, Map<String, List<String>> synonyms) {
        this.templates = List.copyOf(templates);
        this.metadata = metadata;
        this.synonyms = Collections.unmodifiableMap(new LinkedHashMap<>(synonyms));
        Map<String, Template> names = new LinkedHashMap<>();
        for (Template t : templates) {
            names.put(t.filename() + "#" + t.index(), t);
        }
        this.byName = names;
    }

    /**
     * Reads the bundled CLEVR 1.0 templates, metadata and synonyms from the classpath.
     *
     * @throws InputException when a bundled file is missing or malformed
     */
    public static TemplateLibrary load() {
        List<Template> templates = new ArrayList<>();
        for (String fn : CLEVR_1_0_FILES) {
            readTemplates(fn, resource("CLEVR_1.0_templates/" + fn), templates);
        }
        return new TemplateLibrary(templates, readMetadata("metadata.json", resource("metadata.json")),
                readSynonyms("synonyms.json", resource("synonyms.json")));
    }

    /**
     * Reads templates from a folder of {@code *.json} files, with a metadata and a synonyms file.
     *
     * @param templateDir the folder of template files
     * @param metadataFile {@code metadata.json}
     * @param synonymsFile {@code synonyms.json}
     * @throws InputException when a file is missing or malformed
     */
    public static TemplateLibrary load(Path templateDir, Path metadataFile, Path synonymsFile) {
        List<Path> files;
        try (Stream<Path> s = Files.list(templateDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (NoSuchFileException e) {
            throw new InputException(ErrorKind.MISSING_FILE, templateDir + ": no such folder");
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, templateDir + ": cannot be listed (" + e.getMessage() + ")", e);
        }
        List<Template> templates = new ArrayList<>();
        for (Path f : files) {
            readTemplates(f.getFileName().toString(), file(f), templates);
        }
        return new TemplateLibrary(templates, readMetadata(metadataFile.toString(), file(metadataFile)),
                readSynonyms(synonymsFile.toString(), file(synonymsFile)));
    }

    /** Returns every template in family order. */
    public List<Template> templates() {
        return templates;
    }

    /**
     * Returns the template of a family.
     *
     * @throws IllegalArgumentException when there is no such family
     */
    public Template family(int familyIndex) {
        if (familyIndex < 0 || familyIndex >= templates.size()) {
            throw new IllegalArgumentException("no template family " + familyIndex + " (0.." + (templates.size() - 1)
                    + ")");
        }
        return templates.get(familyIndex);
    }

    /** Returns the template with this file name and index in its file. */
    public Optional<Template> find(String templateFilename, int templateIndex) {
        return Optional.ofNullable(byName.get(templateFilename + "#" + templateIndex));
    }

    /** Returns the function signatures and value types. */
    public ClevrMetadata metadata() {
        return metadata;
    }

    /** Returns the synonyms of each value ({@code "sphere" -> ["sphere", "ball"]}), in the file's order. */
    public Map<String, List<String>> synonyms() {
        return synonyms;
    }

    /** Returns the words a value may be written as: its synonyms, or the value itself when it has none. */
    public List<String> wordsFor(String value) {
        return synonyms.getOrDefault(value, List.of(value));
    }

    private static void readTemplates(String filename, JsonNode root, List<Template> out) {
        if (!root.isArray()) {
            throw new InputException(ErrorKind.MALFORMED_FILE, filename + ": expected an array of templates, found "
                    + Json.kind(root));
        }
        for (int i = 0; i < root.size(); i++) {
            try {
                out.add(template(filename, i, out.size(), root.get(i)));
            } catch (IllegalArgumentException e) {
                throw new InputException(ErrorKind.MALFORMED_FILE, filename + ": template " + i + ": " + e.getMessage(), e);
            }
        }
    }

    private static Template template(String filename, int index, int family, JsonNode t) {
        List<Template.Param> params = new ArrayList<>();
        for (JsonNode p : Json.array(t, "params")) {
            params.add(new Template.Param(Json.text(p, "name"), Json.text(p, "type")));
        }
        List<String> texts = Json.texts(Json.array(t, "text"), "\"text\"");
        List<Template.Node> nodes = new ArrayList<>();
        for (JsonNode n : Json.array(t, "nodes")) {
            List<String> side = n.has("side_inputs") ? Json.texts(n.get("side_inputs"), "\"side_inputs\"") : List.of();
            nodes.add(new Template.Node(Json.text(n, "type"), Json.ints(n.get("inputs"), "\"inputs\""), side));
        }
        List<Template.Constraint> constraints = new ArrayList<>();
        JsonNode cs = t.get("constraints");
        if (cs != null && cs.isArray()) {
            for (JsonNode c : cs) {
                constraints.add(new Template.Constraint(Json.text(c, "type"),
                        Json.texts(Json.array(c, "params"), "constraint \"params\"")));
            }
        }
        return new Template(filename, index, family, params, texts, nodes, constraints);
    }

    private static ClevrMetadata readMetadata(String name, JsonNode root) {
        try {
            Map<String, List<String>> values = new LinkedHashMap<>();
            JsonNode types = Json.required(root, "types");
            for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isArray()) {
                    values.put(e.getKey(), Json.texts(e.getValue(), "type " + e.getKey()));
                }
            }
            Map<String, ClevrMetadata.Signature> functions = new LinkedHashMap<>();
            for (JsonNode f : Json.array(root, "functions")) {
                String fn = Json.text(f, "name");
                List<String> side = f.has("side_inputs") ? Json.texts(f.get("side_inputs"), fn + " side_inputs")
                        : List.of();
                functions.put(fn, new ClevrMetadata.Signature(fn, Json.texts(Json.array(f, "inputs"), fn + " inputs"),
                        side, Json.text(f, "output"), f.path("terminal").asBoolean(false),
                        f.path("template_only").asBoolean(false)));
            }
            return new ClevrMetadata(values, functions);
        } catch (IllegalArgumentException e) {
            throw new InputException(ErrorKind.MALFORMED_FILE, name + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> readSynonyms(String name, JsonNode root) {
        if (!root.isObject()) {
            throw new InputException(ErrorKind.MALFORMED_FILE, name + ": expected an object of synonyms, found "
                    + Json.kind(root));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                out.put(e.getKey(), Json.texts(e.getValue(), "synonyms of " + e.getKey()));
            } catch (IllegalArgumentException ex) {
                throw new InputException(ErrorKind.MALFORMED_FILE, name + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    private static JsonNode resource(String relative) {
        String path = RESOURCE_ROOT + relative;
        try (InputStream in = TemplateLibrary.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new InputException(ErrorKind.MISSING_FILE, "classpath resource " + path + " is missing");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new InputException(ErrorKind.MALFORMED_FILE, "classpath resource " + path + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode file(Path f) {
        try {
            return MAPPER.readTree(f.toFile());
        } catch (IOException e) {
            if (!Files.exists(f)) {
                throw new InputException(ErrorKind.MISSING_FILE, f + ": no such file");
            }
            throw new InputException(ErrorKind.MALFORMED_FILE, f + ": " + e.getMessage(), e);
        }
    }
}
