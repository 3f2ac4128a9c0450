package org.vqasp.world;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.core.DatasetItem;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.core.json.DatasetReader;

/** Loads the scenes under {@code src/test/resources/clevr/world} (see the SOURCES.md there). */
final class WorldTestData {

    private WorldTestData() {
    }

    static List<ClevrScene> scenes(String name) {
        try {
            Path p = Path.of(WorldTestData.class.getResource("/clevr/world/" + name).toURI());
            List<ClevrScene> out = new ArrayList<>();
            try (DatasetReader<ClevrScene> r = ClevrDataset.scenes(p)) {
                while (r.hasNext()) {
                    DatasetItem<ClevrScene> item = r.next();
                    out.add(item.value());
                }
            }
            return out;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
