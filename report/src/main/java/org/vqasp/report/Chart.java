package org.vqasp.report;

import java.util.Objects;

/**
 * A chart rendered for the page: a PNG as a {@code data:} URI, drawn at twice its display size so that it stays
 * sharp on high-density screens.
 *
 * @param title what the chart shows (also its alternative text)
 * @param dataUri the PNG as {@code data:image/png;base64,...}
 * @param width display width in CSS pixels
 * @param height display height in CSS pixels
 */
public record Chart(String title, String dataUri, int width, int height) {

    /** Checks the fields. */
    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dataUri, "dataUri");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive, was " + width + " x " + height);
        }
    }
}
