package org.vqasp.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Names runs on the page by their directory (or file) names, made unique with the parent directory or a number. */
final class RunNames {

    private RunNames() {
    }

    /** Returns one name per path, in order. */
    static List<String> of(List<Path> paths) {
        List<String> plain = paths.stream().map(RunNames::plain).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String n = plain.get(i);
            if (Collections.frequency(plain, n) > 1) {
                Path parent = paths.get(i).toAbsolutePath().normalize().getParent();
                n = (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/") + n;
            }
            if (names.contains(n)) {
                n = n + " (" + (i + 1) + ")";
            }
            names.add(n);
        }
        return names;
    }

    private static String plain(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
