package org.gongjian.roads;

/** A route's administrative level, by the letter its code starts with: X county, Y township, C village, Z special. */
public enum RoadLevel {
    COUNTY('X', ChiefLevel.COUNTY),
    TOWNSHIP('Y', ChiefLevel.TOWNSHIP),
    VILLAGE('C', ChiefLevel.VILLAGE),
    SPECIAL('Z', ChiefLevel.COUNTY);

    private final char letter;
    private final ChiefLevel chiefLevel;

    RoadLevel(char letter, ChiefLevel chiefLevel) {
        this.letter = letter;
        this.chiefLevel = chiefLevel;
    }

    public char letter() { return letter; }

    /** The level of chief every segment of such a route needs (a special road is looked after at county level). */
    public ChiefLevel chiefLevel() { return chiefLevel; }

    public static java.util.Optional<RoadLevel> ofLetter(char letter) {
        for (RoadLevel l : values()) {
            if (l.letter == Character.toUpperCase(letter)) {
                return java.util.Optional.of(l);
            }
        }
        return java.util.Optional.empty();
    }
}
