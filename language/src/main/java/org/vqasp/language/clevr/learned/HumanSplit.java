package org.vqasp.language.clevr.learned;

/**
 * The fixed split of the CLEVR-Humans development questions into the part the parser may learn from (by answer
 * search) and the part it is only measured on, by image: an image whose index leaves 1 when divided by 5 is
 * validation. The rule was fixed before any training; the held-out test images (index divisible by 5) are in
 * neither part.
 */
public final class HumanSplit {

    private HumanSplit() {
    }

    /** Returns whether questions about an image belong to the validation part. */
    public static boolean isValidation(int imageIndex) {
        return Math.floorMod(imageIndex, 5) == 1;
    }
}
