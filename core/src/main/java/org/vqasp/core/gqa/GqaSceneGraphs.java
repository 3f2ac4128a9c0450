package org.vqasp.core.gqa;

import org.vqasp.core.VqaspException;

/**
 * Where the scene graph of an image comes from: graphs read into memory ({@link GqaDataset.SceneGraphIndex}) or
 * read from their file when asked for ({@link GqaSceneGraphFile}).
 */
public interface GqaSceneGraphs {

    /**
     * Returns the scene graph of an image.
     *
     * @param imageId the image
     * @return its scene graph, or null when there is none
     * @throws VqaspException when the image's entry could not be read, naming what is wrong
     */
    GqaSceneGraph graph(String imageId);
}
