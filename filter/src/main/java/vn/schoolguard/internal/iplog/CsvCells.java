package vn.schoolguard.internal.iplog;

/** Makes a text cell safe to open in a spreadsheet: no formula can start anywhere a spreadsheet may split a cell. */
// Security-critical: an exported user agent or path is chosen by the poster and opened by an investigator.
public final class CsvCells {

    /** Characters a spreadsheet may split on: the comma, the semicolon of Vietnamese (and other) Excel locales, tab, line ends. */
    private static final String SEPARATORS = ",;\t\r\n";
    /** Characters that make a spreadsheet read what follows as a formula (tab and CR are leaders in some importers). */
    private static final String LEADERS = "=+-@\t\r";

    private CsvCells() {
    }

    /**
     * Puts an apostrophe before a formula leader found at the start of the cell or after a separator, either
     * directly or after spaces (some importers trim them). Everything else is kept as it is.
     */
    public static String neutralise(String text) {
        StringBuilder out = null;
        boolean atStart = true;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (atStart && LEADERS.indexOf(ch) >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append('\'');
                // A leader that is also a separator (tab, CR) opens a new cell start after it.
                atStart = SEPARATORS.indexOf(ch) >= 0;
            } else if (SEPARATORS.indexOf(ch) >= 0) {
                atStart = true;
            } else if (ch != ' ') {
                atStart = false;
            }
            if (out != null) {
                out.append(ch);
            }
        }
        return out == null ? text : out.toString();
    }
}
