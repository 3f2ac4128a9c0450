package org.vqasp.world;

/**
 * Counts how many pixels of a scene's image show each object, so that the sampler can enforce CLEVR's rule
 * that every object is at least partly visible. A renderer supplies it (the sampler cannot render).
 */
@FunctionalInterface
public interface VisibilityCheck {

    /**
     * Returns, per object of the scene (in its order), the number of image pixels whose centre sees that
     * object first.
     */
    int[] visiblePixels(SampledScene scene);
}
