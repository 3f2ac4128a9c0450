package org.vqasp.eval.clevr;

import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;

/** The gold scenes of a released scenes file, by image index. */
public final class GoldScenes implements SceneSource {

    private final ClevrDataset.SceneIndex index;
    private final String file;

    /**
     * Wraps a loaded scenes file.
     *
     * @param index the scenes
     * @param file the file name, for messages
     */
    public GoldScenes(ClevrDataset.SceneIndex index, String file) {
        this.index = index;
        this.file = file;
    }

    @Override
    public ClevrScene scene(ClevrQuestion q) {
        ClevrScene s = index.get(q.imageIndex());
        if (s != null) {
            return s;
        }
        VqaspException bad = index.failures().get(q.imageIndex());
        if (bad != null) {
            throw new VqaspException(ErrorKind.BAD_SCENE, bad.getMessage());
        }
        throw new VqaspException(ErrorKind.MISSING_SCENE, file + " has no scene with image_index " + q.imageIndex());
    }
}
