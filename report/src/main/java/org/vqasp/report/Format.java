package org.vqasp.report;

import java.util.Locale;

/** How numbers read on the page: shares as percentages, large counts as {@code 12.3k}, missing values as a dash. */
final class Format {

    /** What a missing value shows. */
    static final String MISSING = "–";

    private Format() {
    }

    /** Returns {@code 0.9734} as {@code 97.34%}; NaN as a dash. */
    static String percent(double share) {
        return Double.isNaN(share) ? MISSING : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    /** Returns a signed difference of shares in percentage points: {@code +1.25 pp}; NaN as a dash. */
    static String points(double delta) {
        return Double.isNaN(delta) ? MISSING : String.format(Locale.ROOT, "%+.2f pp", 100 * delta);
    }

    /** Returns a number with up to {@code digits} decimals, without trailing zeros; NaN as a dash. */
    static String number(double v, int digits) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        String s = String.format(Locale.ROOT, "%,." + digits + "f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Returns {@code 1234567} as {@code 1.23M}, {@code 12345} as {@code 12.3k}, small numbers as they are. */
    static String compact(double v) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        double a = Math.abs(v);
        if (a >= 1e12) {
            return trim(v / 1e12) + "T";
        }
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return trim(v / 1e3) + "k";
        }
        return number(v, a >= 100 ? 0 : a >= 0.01 || a == 0 ? 2 : 4);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
