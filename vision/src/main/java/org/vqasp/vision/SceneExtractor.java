package org.vqasp.vision;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.vision.model.ModelDirectory;
import org.vqasp.vision.model.SceneNet;
import org.vqasp.vision.model.SceneNetConfig;
import org.vqasp.vision.model.SceneTranslator;

/**
 * Image in, scene graph out: loads a trained {@link SceneNet} (a model directory, or the bundled default) and
 * turns CLEVR images into {@link ClevrScene}s with per-object confidences and attribute distributions, and
 * left/right/front/behind computed from the predicted ground-plane positions as CLEVR computes them.
 *
 * <p>Thread-safe: each call borrows a DJL predictor from an internal pool (creating one when none is free), so
 * threads may share one extractor. Close it to free the weights.
 */
public final class SceneExtractor implements AutoCloseable {

    private static final Pattern CLEVR_NAME = Pattern.compile("CLEVR_(.+)_(\\d+)\\.png");

    private final Model model;
    private final SceneNetConfig config;
    private final SceneTranslator translator;
    private final ConcurrentLinkedDeque<Predictor<Image, ClevrScene>> pool = new ConcurrentLinkedDeque<>();
    private final List<Predictor<Image, ClevrScene>> all = new ArrayList<>();

    private SceneExtractor(Model model, SceneNet net) {
        this.model = model;
        this.config = net.config();
        this.translator = new SceneTranslator(config);
    }

    /**
     * Loads a model directory written by {@code vqa train vision}.
     *
     * @param modelDir the directory
     * @return the extractor
     * @throws InputException when the directory holds no readable model
     */
    public static SceneExtractor load(Path modelDir) {
        Model model = Model.newInstance("scene-net");
        try {
            SceneNet net = ModelDirectory.read(modelDir, model.getNDManager());
            model.setBlock(net);
            return new SceneExtractor(model, net);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Loads the model bundled with vqasp.
     *
     * @return the extractor
     * @throws InputException when this build has no bundled model
     */
    public static SceneExtractor loadDefault() {
        Model model = Model.newInstance("scene-net");
        try {
            SceneNet net = ModelDirectory.readDefault(model.getNDManager());
            model.setBlock(net);
            return new SceneExtractor(model, net);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Returns the network configuration (input size, threshold). */
    public SceneNetConfig config() {
        return config;
    }

    /**
     * Extracts the scene of one image.
     *
     * @param image any size; pixel coordinates refer to it
     * @return the scene, split null, image index -1, no file name
     */
    public ClevrScene extract(BufferedImage image) {
        return extractAll(List.of(image)).get(0);
    }

    /**
     * Extracts the scenes of several images in one batch.
     *
     * @param images the images
     * @return one scene per image, in order
     */
    public List<ClevrScene> extractAll(List<BufferedImage> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        List<Image> wrapped = new ArrayList<>(images.size());
        for (BufferedImage b : images) {
            wrapped.add(ImageFactory.getInstance().fromImage(b));
        }
        Predictor<Image, ClevrScene> predictor = borrow();
        try {
            return predictor.batchPredict(wrapped);
        } catch (TranslateException e) {
            throw new VqaspException(ErrorKind.VISION, "scene extraction failed: " + e.getMessage(), e);
        } finally {
            pool.push(predictor);
        }
    }

    /**
     * Reads an image file and extracts its scene; a CLEVR file name ({@code CLEVR_<split>_NNNNNN.png}) sets the
     * scene's split, image index and file name.
     *
     * @param imageFile a PNG or other format ImageIO reads
     * @return the scene
     * @throws InputException when the file cannot be read as an image
     */
    public ClevrScene extract(Path imageFile) {
        BufferedImage image;
        try {
            image = ImageIO.read(imageFile.toFile());
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, "cannot read image " + imageFile + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new InputException(ErrorKind.BAD_IMAGE, imageFile + ": not an image ImageIO can read");
        }
        ClevrScene s = extract(image);
        String name = imageFile.getFileName().toString();
        Matcher m = CLEVR_NAME.matcher(name);
        String split = m.matches() ? m.group(1) : null;
        int index = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        return new ClevrScene(split, index, name, s.objects(), s.relationships(), s.directions());
    }

    private Predictor<Image, ClevrScene> borrow() {
        Predictor<Image, ClevrScene> p = pool.poll();
        if (p == null) {
            p = model.newPredictor(translator);
            synchronized (all) {
                all.add(p);
            }
        }
        return p;
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(Predictor::close);
            all.clear();
        }
        pool.clear();
        model.close();
    }
}
