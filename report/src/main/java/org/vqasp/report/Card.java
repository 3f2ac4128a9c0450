package org.vqasp.report;

/**
 * One headline figure at the top of a section.
 *
 * @param label what it measures
 * @param value the figure
 * @param detail what it is out of, or how it was measured (may be empty)
 */
public record Card(String label, String value, String detail) {
}
