package org.vqasp.world.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrObject;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.clevr.Vec3;
import org.vqasp.core.json.DatasetReader;
import org.vqasp.world.CameraFit;
import org.vqasp.world.ClevrCamera;
import org.vqasp.world.ClevrProperties;
import org.vqasp.world.ClevrRelations;
import org.vqasp.world.LightRig;
import org.vqasp.world.SampledScene;

/**
 * Scenes given in a released CLEVR scenes file (such as the CLEVR train scenes that CLEVR-Humans asks about),
 * checked and staged for {@link ClevrWorldGenerator} to render.
 *
 * <p>The file is untrusted: every scene is checked (a safe {@code image_filename}, an index, one split for the
 * whole file, known shapes, colours, materials and sizes, finite {@code 3d_coords} on the ground area) and the
 * first bad one stops loading with an error naming the file, the scene and the problem.
 *
 * <p>Staging a scene gives it a camera and lamps, which the released files do not record. The camera is
 * recovered from the objects' {@code pixel_coords} ({@link CameraFit}), so every object lands on the pixel the
 * scene says; a scene without usable {@code pixel_coords} gets CLEVR's camera jitter drawn from the seed. The
 * lamps always get CLEVR's jitter drawn from the seed and the image index.
 */
public final class GivenScenes {

    /** Largest pixel error of a camera fit that is accepted; beyond it the seeded jitter is used. */
    public static final double MAX_FIT_ERROR = 2.0;

    /** Half the side of the ground square (in Blender units) a given object's centre must lie in. */
    public static final double MAX_GROUND_OFFSET = 8.0;

    /** Most objects one given scene may hold. */
    public static final int MAX_OBJECTS = 40;

    private static final double CAMERA_JITTER = 0.5;
    private static final double LIGHT_JITTER = 1.0;

    private GivenScenes() {
    }

    /**
     * Reads and checks the scenes of a file, streaming it.
     *
     * @param file a scenes file in the released layout
     * @param only image file names to keep (null for all)
     * @param limit the most scenes to keep, in file order (negative for all)
     * @param properties the vocabulary objects must use
     * @return the scenes kept, in file order
     * @throws InputException naming the file, the scene and the problem of the first bad scene
     */
    public static List<ClevrScene> load(Path file, Set<String> only, int limit, ClevrProperties properties) {
        List<ClevrScene> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String split = null;
        try (DatasetReader<ClevrScene> r = ClevrDataset.scenes(file)) {
            while (r.hasNext() && (limit < 0 || out.size() < limit)) {
                DatasetItem<ClevrScene> item = r.next();
                if (!item.ok()) {
                    throw item.error();
                }
                ClevrScene s = item.value();
                if (only != null && (s.imageFilename() == null || !only.contains(s.imageFilename()))) {
                    continue;
                }
                String problem = problem(s, properties);
                if (problem == null && split != null && !split.equals(s.split())) {
                    problem = "split \"" + s.split() + "\" differs from the file's first scene's \"" + split
                            + "\"; render one split at a time";
                }
                if (problem == null && !names.add(s.imageFilename())) {
                    problem = "image_filename " + s.imageFilename() + " appears twice";
                }
                if (problem != null) {
                    throw new InputException(ErrorKind.BAD_SCENE, file.getFileName() + ": scene " + item.id() + " ("
                            + s.imageFilename() + "): " + problem);
                }
                split = s.split();
                out.add(withRelationships(s));
            }
        }
        return out;
    }

    /**
     * Returns the image file names a questions file refers to, streaming it.
     *
     * @throws InputException when the file cannot be read or a question has no {@code image_filename}
     */
    public static Set<String> imagesOf(Path questions) {
        Set<String> out = new LinkedHashSet<>();
        try (DatasetReader<ClevrQuestion> r = ClevrDataset.questions(questions)) {
            while (r.hasNext()) {
                DatasetItem<ClevrQuestion> item = r.next();
                if (!item.ok()) {
                    throw item.error();
                }
                String name = item.value().imageFilename();
                if (name == null) {
                    throw new InputException(ErrorKind.BAD_ITEM, questions.getFileName() + ": question " + item.id()
                            + " has no image_filename");
                }
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Gives a checked scene its camera and lamps.
     *
     * @param scene a scene from {@link #load}
     * @param imageSeed the image's seed ({@link ClevrWorldGenerator#imageSeed})
     * @return the scene ready to render
     */
    public static SampledScene stage(ClevrScene scene, long imageSeed) {
        SplittableRandom rng = new SplittableRandom(imageSeed);
        ClevrCamera camera = ClevrCamera.atRest().jittered(rng, CAMERA_JITTER);
        LightRig lights = LightRig.jittered(rng, LIGHT_JITTER);
        ClevrCamera fitted = fittedCamera(scene);
        return new SampledScene(scene, fitted != null ? fitted : camera, lights);
    }

    /**
     * Returns the camera recovered from the scene's {@code pixel_coords}, or null when some object lacks them,
     * there are fewer than two objects, or the fit misses a recorded position by more than
     * {@link #MAX_FIT_ERROR} pixels.
     */
    public static ClevrCamera fittedCamera(ClevrScene scene) {
        List<ClevrObject> objects = scene.objects();
        if (objects.size() < 2 || objects.stream().anyMatch(o -> o.pixelCoords() == null)) {
            return null;
        }
        CameraFit.Result fit = CameraFit.fit(objects, ClevrCamera.atRest());
        return fit.maxPixelError() <= MAX_FIT_ERROR ? fit.camera() : null;
    }

    private static String problem(ClevrScene s, ClevrProperties properties) {
        if (s.imageFilename() == null || !s.imageFilename().matches("[A-Za-z0-9_-]+\\.png")) {
            return "image_filename should be a plain file name ending in .png, is "
                    + (s.imageFilename() == null ? "missing" : "\"" + s.imageFilename() + "\"");
        }
        if (s.split() == null || !s.split().matches("[A-Za-z0-9_-]+")) {
            return "split should be letters, digits, '_' or '-', is " + (s.split() == null ? "missing"
                    : "\"" + s.split() + "\"");
        }
        if (s.imageIndex() < 0) {
            return "image_index should be 0 or more, is " + s.imageIndex();
        }
        if (s.objects().isEmpty() || s.objects().size() > MAX_OBJECTS) {
            return "a scene to render should hold 1 to " + MAX_OBJECTS + " objects, holds " + s.objects().size();
        }
        for (int i = 0; i < s.objects().size(); i++) {
            String p = objectProblem(s.objects().get(i), properties);
            if (p != null) {
                return "object " + i + ": " + p;
            }
        }
        return null;
    }

    private static String objectProblem(ClevrObject o, ClevrProperties properties) {
        if (!properties.shapes().containsKey(o.shape())) {
            return "unknown shape \"" + o.shape() + "\" (known: " + properties.shapes().keySet() + ")";
        }
        if (!properties.colors().containsKey(o.color())) {
            return "unknown color \"" + o.color() + "\" (known: " + properties.colors().keySet() + ")";
        }
        if (!properties.materials().containsKey(o.material())) {
            return "unknown material \"" + o.material() + "\" (known: " + properties.materials().keySet() + ")";
        }
        if (!properties.sizes().containsKey(o.size())) {
            return "unknown size \"" + o.size() + "\" (known: " + properties.sizes().keySet() + ")";
        }
        Vec3 c = o.coords();
        if (c == null) {
            return "no 3d_coords";
        }
        if (!Double.isFinite(c.x()) || !Double.isFinite(c.y()) || !Double.isFinite(c.z())
                || Math.abs(c.x()) > MAX_GROUND_OFFSET || Math.abs(c.y()) > MAX_GROUND_OFFSET) {
            return "3d_coords " + c + " should be finite with x and y within +-" + MAX_GROUND_OFFSET;
        }
        if (!Double.isFinite(o.rotation())) {
            return "rotation should be a finite number, is " + o.rotation();
        }
        Vec3 p = o.pixelCoords();
        if (p != null && (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(p.z()))) {
            return "pixel_coords " + p + " should be finite";
        }
        return null;
    }

    private static ClevrScene withRelationships(ClevrScene s) {
        if (s.relationships().keySet().containsAll(ClevrScene.RELATIONS)) {
            return s;
        }
        var directions = s.directions().keySet().containsAll(ClevrScene.RELATIONS) ? s.directions()
                : ClevrRelations.directions();
        return new ClevrScene(s.split(), s.imageIndex(), s.imageFilename(), s.objects(),
                ClevrRelations.relationships(s.objects(), directions), directions);
    }
}
