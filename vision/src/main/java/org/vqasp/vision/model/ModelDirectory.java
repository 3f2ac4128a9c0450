package org.vqasp.vision.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.io.AtomicFiles;

/**
 * The files of a trained {@link SceneNet}: {@value #CONFIG} (the {@link SceneNetConfig}) and {@value #PARAMS}
 * (DJL's block parameter encoding), in a directory or as class-path resources.
 */
public final class ModelDirectory {

    /** Architecture file name. */
    public static final String CONFIG = "config.json";

    /** Weights file name. */
    public static final String PARAMS = "scene-net.params";

    /** Class-path folder of the bundled default model. */
    public static final String DEFAULT_RESOURCE = "/org/vqasp/vision/models/clevr-default/";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelDirectory() {
    }

    /**
     * Writes a network's configuration and weights, each replaced atomically.
     *
     * @param net the network
     * @param dir the directory (created when missing)
     * @throws IOException when writing fails
     */
    public static void write(SceneNet net, Path dir) throws IOException {
        write(net, net.config(), dir);
    }

    /**
     * Writes a network's weights with a configuration that differs from the network's at most in its decoding
     * threshold.
     *
     * @param net the network
     * @param config its configuration, possibly with a calibrated threshold
     * @param dir the directory (created when missing)
     * @throws IOException when writing fails
     */
    public static void write(SceneNet net, SceneNetConfig config, Path dir) throws IOException {
        if (!config.withThreshold(net.config().threshold()).equals(net.config())) {
            throw new IllegalArgumentException("configuration " + config + " does not describe " + net.config());
        }
        Files.createDirectories(dir);
        Path configFile = dir.resolve(CONFIG + ".tmp");
        MAPPER.writeValue(configFile.toFile(), config.toJson(MAPPER));
        Files.move(configFile, dir.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path params = dir.resolve(PARAMS + ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(params))) {
            net.saveParameters(new DataOutputStream(os));
        }
        Files.move(params, dir.resolve(PARAMS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a network from a directory.
     *
     * @param dir a directory written by {@link #write}
     * @param manager owns the weights
     * @return the network, ready for inference
     * @throws InputException when a file is missing or does not fit
     */
    public static SceneNet read(Path dir, NDManager manager) {
        Path config = dir.resolve(CONFIG);
        Path params = dir.resolve(PARAMS);
        if (!Files.isRegularFile(config) || !Files.isRegularFile(params)) {
            throw new InputException(ErrorKind.MISSING_MODEL, dir + ": expected " + CONFIG + " and " + PARAMS);
        }
        try (InputStream c = Files.newInputStream(config); InputStream p = Files.newInputStream(params)) {
            return read(c, p, manager, dir.toString());
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, "cannot read model " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the bundled default model from the class path.
     *
     * @param manager owns the weights
     * @return the network
     * @throws InputException when the resources are missing
     */
    public static SceneNet readDefault(NDManager manager) {
        InputStream c = ModelDirectory.class.getResourceAsStream(DEFAULT_RESOURCE + CONFIG);
        InputStream p = ModelDirectory.class.getResourceAsStream(DEFAULT_RESOURCE + PARAMS);
        if (c == null || p == null) {
            throw new InputException(ErrorKind.MISSING_MODEL, "no bundled model at class-path " + DEFAULT_RESOURCE);
        }
        try (c; p) {
            return read(c, p, manager, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, "cannot read the bundled model: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the bundled default model's files ({@value #CONFIG}, {@value #PARAMS}, {@code provenance.json},
     * {@code README.md}) into a directory, byte for byte, so that commands taking a model directory can use it.
     *
     * @param dir the directory (created when missing)
     * @throws IOException when writing fails
     * @throws InputException when the resources are missing
     */
    public static void extractDefault(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : new String[] {CONFIG, PARAMS, "provenance.json", "README.md"}) {
            try (InputStream in = ModelDirectory.class.getResourceAsStream(DEFAULT_RESOURCE + name)) {
                if (in == null) {
                    throw new InputException(ErrorKind.MISSING_MODEL, "no bundled model file " + DEFAULT_RESOURCE + name);
                }
                AtomicFiles.write(dir.resolve(name), in.readAllBytes());
            }
        }
    }

    /**
     * Reads only the configuration of a model directory, or of the bundled model.
     *
     * @param dir a directory written by {@link #write}, or null for the bundled model
     * @return its configuration
     * @throws InputException when the file is missing or does not fit
     */
    public static SceneNetConfig readConfig(Path dir) {
        String where = dir == null ? "classpath:" + DEFAULT_RESOURCE + CONFIG : dir.resolve(CONFIG).toString();
        try (InputStream in = dir == null ? ModelDirectory.class.getResourceAsStream(DEFAULT_RESOURCE + CONFIG)
                : Files.isRegularFile(dir.resolve(CONFIG)) ? Files.newInputStream(dir.resolve(CONFIG)) : null) {
            if (in == null) {
                throw new InputException(ErrorKind.MISSING_MODEL, where + ": no such file");
            }
            return SceneNetConfig.fromJson(MAPPER.readTree(in));
        } catch (IllegalArgumentException e) {
            throw new InputException(ErrorKind.BAD_MODEL, where + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, "cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /** Returns whether the bundled default model is on the class path. */
    public static boolean hasDefault() {
        return ModelDirectory.class.getResource(DEFAULT_RESOURCE + PARAMS) != null;
    }

    private static SceneNet read(InputStream config, InputStream params, NDManager manager, String where)
            throws IOException {
        SceneNetConfig cfg;
        try {
            cfg = SceneNetConfig.fromJson(MAPPER.readTree(config));
        } catch (IllegalArgumentException e) {
            throw new InputException(ErrorKind.BAD_MODEL, where + "/" + CONFIG + ": " + e.getMessage(), e);
        }
        SceneNet net = new SceneNet(cfg);
        try {
            net.loadParameters(manager, new DataInputStream(new BufferedInputStream(params)));
        } catch (MalformedModelException e) {
            throw new InputException(ErrorKind.BAD_MODEL, where + "/" + PARAMS + ": " + e.getMessage(), e);
        }
        return net;
    }
}
