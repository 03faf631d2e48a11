package th.phatthana.api.learningrecords;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Thai names as lists write them: with or without a title (นาย, นาง, นางสาว, น.ส., ว่าที่ร้อยตรี,
 * ดร. …) and with spaces anywhere (Thai writers place them freely, some lists put two between
 * first and last name). A name's key has no spaces; a written name may stand for its key with one
 * title taken off.
 */
final class ThaiNames {

    /** Longest first, so นางสาว is taken off before นาง. */
    private static final List<String> TITLES = List.of("ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยตรี", "ว่าที่ร.ต.หญิง", "ว่าที่ร.ต.", "นางสาว", "น.ส.",
            "นาง", "นาย", "ดร.", "ผศ.", "รศ.", "ศ.", "Mr.", "Mrs.", "Ms.", "Miss");

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");

    private ThaiNames() {
    }

    /** The name without spaces (first and last name of the register give the same key). */
    static String key(String text) {
        return text == null ? "" : SPACES.matcher(text).replaceAll("");
    }

    /** The keys a written name may stand for: as written, and with a title taken off. */
    static List<String> candidates(String written) {
        String key = key(written);
        List<String> keys = new ArrayList<>(2);
        keys.add(key);
        for (String title : TITLES) {
            if (key.startsWith(title) && key.length() > title.length()) {
                keys.add(key.substring(title.length()));
                break;
            }
        }
        return keys;
    }
}
