package org.vqasp.report;

/**
 * Accuracy of one group of questions (a family, a question type, a parser).
 *
 * @param name the group
 * @param questions its questions
 * @param correct those answered right
 * @param accuracy correct / questions, formatted
 * @param width the accuracy as a bar width in percent (0 to 100)
 */
public record GroupRow(String name, long questions, long correct, String accuracy, double width) {

    /** Returns the row of a group from its counts. */
    static GroupRow of(String name, long questions, long correct) {
        double share = questions == 0 ? Double.NaN : (double) correct / questions;
        return new GroupRow(name, questions, correct, Format.percent(share), Double.isNaN(share) ? 0 : 100 * share);
    }
}
