package org.vqasp.language.gqa;

import java.util.Set;

/**
 * The places GQA asks about ({@code Is it a kitchen or a bathroom?}): rooms, which GQA's programs ask about under
 * the category {@code room}, and other places, under {@code place}.
 */
final class Places {

    private static final Set<String> ROOMS = Set.of("attic", "bathroom", "bedroom", "dining room", "kitchen",
            "living room", "office", "hotel room", "classroom", "restroom", "hallway", "closet", "garage");

    private static final Set<String> PLACES = Set.of("street", "beach", "ocean", "field", "park", "city", "airport",
            "restaurant", "road", "parking lot", "sidewalk", "shore", "yard", "farm", "zoo", "forest", "lake",
            "river", "harbor", "marina", "station", "train station", "bus station", "highway", "mountain",
            "desert", "pasture", "meadow", "garden", "courtyard", "lawn", "backyard", "store", "shop", "market",
            "cafe", "bakery", "library", "stadium", "baseball field", "tennis court", "court", "ski slope",
            "slope", "skate park", "playground", "town", "village", "downtown", "intersection", "crosswalk",
            "bridge", "airfield", "runway", "pier", "dock", "port", "hill", "sea", "snow", "grass", "walkway",
            "path", "trail", "campsite", "savanna", "jungle", "swamp", "pond", "pool", "parking garage");

    private Places() {
    }

    /** Returns {@code room} or {@code place} for a place a question names, or null for other names. */
    static String category(String name) {
        if (ROOMS.contains(name)) {
            return "room";
        }
        return PLACES.contains(name) ? "place" : null;
    }
}
