package org.vqasp.world;

import java.util.Objects;
import org.vqasp.core.clevr.ClevrScene;

/**
 * A sampled CLEVR scene together with what a renderer needs beyond the released scene record: the jittered
 * camera (whose projection gave the objects' {@code pixel_coords}) and the jittered lamps.
 *
 * @param scene the scene in the released layout
 * @param camera the camera of this image
 * @param lights the lamps of this image
 */
public record SampledScene(ClevrScene scene, ClevrCamera camera, LightRig lights) {

    /** Checks that every part is set. */
    public SampledScene {
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(lights, "lights");
    }
}
