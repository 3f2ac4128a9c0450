package org.vqasp.report;

import java.util.List;

/**
 * A table as the page shows it: a title, column headings and rows of formatted cells.
 *
 * @param title what the table shows
 * @param columns the headings
 * @param rows the cells, one list per row
 * @param note a line under the table (rows left out, say), or empty
 */
public record Table(String title, List<String> columns, List<List<String>> rows, String note) {

    /** Copies the lists. */
    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        note = note == null ? "" : note;
    }
}
