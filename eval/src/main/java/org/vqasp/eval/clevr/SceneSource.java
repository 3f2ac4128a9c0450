package org.vqasp.eval.clevr;

import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;

/**
 * Where the scene of a question comes from: the gold scenes file, or the vision model reading the image.
 * Called from several threads.
 */
@FunctionalInterface
public interface SceneSource {

    /**
     * Returns the scene a question asks about.
     *
     * @throws org.vqasp.core.VqaspException naming why there is none ({@code missing_scene},
     *     {@code bad_image}, ...)
     */
    ClevrScene scene(ClevrQuestion question);
}
