package vn.dvcsync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the gateway does with city text that is not NFC ({@value #NOT_NFC}) or looks like SQL
 * ({@value #SQL_LIKE}): {@code mappings/text-policy.yaml}. {@link PortalMapping} sends text in NFC only when the
 * policy says {@code normalise}; {@link PortalRules} reports a violation for each text field a
 * {@code quarantine} rule catches. Immutable and thread-safe.
 */
public final class TextPolicy {

    public static final String NOT_NFC = "TEXT_NOT_NFC";
    public static final String SQL_LIKE = "TEXT_SQL_LIKE";
    static final String FILE = "text-policy.yaml";

    enum Action {
        QUARANTINE,
        NORMALISE,
        DELIVER;

        static Action parse(YamlEntries.Entry entry, String text, List<Action> allowed) {
            for (Action a : allowed) {
                if (a.name().equalsIgnoreCase(text)) {
                    return a;
                }
            }
            throw entry.error("action '" + text + "' is not one of "
                    + allowed.stream()
                            .map(a -> a.name().toLowerCase(Locale.ROOT))
                            .toList());
        }
    }

    private record SqlPattern(String name, Pattern pattern) {}

    private final Path file;
    private final Action notNfc;
    private final Action sqlLike;
    /** Triggers without letters, found as they are; triggers with letters, found ignoring case. */
    private final String[] exactTriggers;

    private final String[] wordTriggers;
    private final SqlPattern[] patterns;
    /** ASCII characters a trigger starts with, in either case. */
    private final boolean[] triggerStarts = new boolean[128];

    private TextPolicy(Path file, Action notNfc, Action sqlLike, List<String> triggers, SqlPattern[] patterns) {
        this.file = file;
        this.notNfc = notNfc;
        this.sqlLike = sqlLike;
        this.exactTriggers = triggers.stream()
                .filter(t -> t.equals(t.toUpperCase(Locale.ROOT)))
                .toArray(String[]::new);
        this.wordTriggers = triggers.stream()
                .filter(t -> !t.equals(t.toUpperCase(Locale.ROOT)))
                .toArray(String[]::new);
        this.patterns = patterns;
        for (String t : triggers) {
            char first = t.charAt(0);
            for (char c : new char[] {first, Character.toLowerCase(first), Character.toUpperCase(first)}) {
                if (c < 128) {
                    triggerStarts[c] = true;
                }
            }
        }
    }

    /**
     * Reads {@code text-policy.yaml} of the mappings folder.
     *
     * @throws MappingException naming the file, line and key when it is missing or wrong
     */
    public static TextPolicy load(Path mappingsDir) {
        Path file = mappingsDir.resolve(FILE);
        Action notNfc = null;
        Action sqlLike = null;
        List<String> triggers = List.of();
        List<SqlPattern> patterns = new ArrayList<>();
        for (YamlEntries.Entry entry : YamlEntries.read(file)) {
            switch (entry.key()) {
                case NOT_NFC -> {
                    YamlEntries.requireMap(entry, List.of("action"));
                    notNfc = Action.parse(entry, required(entry, "action"), List.of(Action.values()));
                }
                case SQL_LIKE -> {
                    YamlEntries.requireMap(entry, List.of("action", "triggers", "patterns"));
                    sqlLike =
                            Action.parse(entry, required(entry, "action"), List.of(Action.QUARANTINE, Action.DELIVER));
                    triggers = triggers(entry);
                    patterns = patterns(entry);
                }
                default -> throw entry.error("unknown rule (known: " + NOT_NFC + ", " + SQL_LIKE + ")");
            }
        }
        if (notNfc == null || sqlLike == null) {
            throw new MappingException(file + ": both " + NOT_NFC + " and " + SQL_LIKE + " need an action");
        }
        return new TextPolicy(file, notNfc, sqlLike, triggers, patterns.toArray(SqlPattern[]::new));
    }

    /** Whether text is sent in NFC ({@value #NOT_NFC}: normalise); otherwise it is sent as the city wrote it. */
    boolean normalises() {
        return notNfc == Action.NORMALISE;
    }

    /** Adds a violation for each quarantine rule that {@code text} of {@code field} breaks. */
    void check(String field, String text, List<Violation> violations) {
        if (notNfc == Action.QUARANTINE && !isNfc(text)) {
            violations.add(new Violation(
                    field,
                    NOT_NFC,
                    field + " is not in Unicode NFC (" + NOT_NFC + "; " + file.getFileName()
                            + " sends it in NFC with action normalise)"));
        }
        if (sqlLike == Action.QUARANTINE) {
            String pattern = sqlPattern(text);
            if (pattern != null) {
                // the text may be personal data: name the pattern, never echo the text
                violations.add(new Violation(
                        field,
                        SQL_LIKE,
                        field + " looks like SQL (" + SQL_LIKE + ", pattern " + pattern + " of " + file.getFileName()
                                + ")"));
            }
        }
    }

    /** Unicode NFC, as the mapping's {@code normalise} writes it; text of characters below U+0300 already is. */
    static String nfc(String text) {
        return isNfc(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static boolean isNfc(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= '\u0300') {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC);
            }
        }
        return true;
    }

    /** The name of the first SQL pattern found in {@code text}, or null; patterns run only when a trigger is in it. */
    private String sqlPattern(String text) {
        if (!hasTrigger(text)) {
            return null;
        }
        for (SqlPattern p : patterns) {
            if (p.pattern().matcher(text).find()) {
                return p.name();
            }
        }
        return null;
    }

    /** One pass over the text: a trigger is looked for only where a character starts one. */
    private boolean hasTrigger(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 128 && triggerStarts[c]) {
                for (String t : exactTriggers) {
                    if (text.startsWith(t, i)) {
                        return true;
                    }
                }
                for (String t : wordTriggers) {
                    if (text.regionMatches(true, i, t, 0, t.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String required(YamlEntries.Entry entry, String name) {
        String value = YamlEntries.text(entry, name);
        if (value == null) {
            throw entry.error("'" + name + "' is required");
        }
        return value;
    }

    private static List<String> triggers(YamlEntries.Entry entry) {
        JsonNode node = entry.value().get("triggers");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw entry.error("'triggers' must be a list of the texts every pattern needs one of");
        }
        List<String> triggers = new ArrayList<>();
        for (JsonNode t : node) {
            if (!t.isTextual() || t.textValue().isEmpty()) {
                throw entry.error("'triggers' must hold non-empty texts");
            }
            triggers.add(t.textValue().toLowerCase(Locale.ROOT));
        }
        return triggers;
    }

    private static List<SqlPattern> patterns(YamlEntries.Entry entry) {
        JsonNode node = entry.value().get("patterns");
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw entry.error("'patterns' must map a name to a regular expression");
        }
        List<SqlPattern> patterns = new ArrayList<>();
        for (var it = node.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                throw entry.error("pattern '" + e.getKey() + "' must be a regular expression");
            }
            try {
                patterns.add(new SqlPattern(
                        e.getKey(), Pattern.compile(e.getValue().textValue().strip(), Pattern.CASE_INSENSITIVE)));
            } catch (PatternSyntaxException ex) {
                throw entry.error("pattern '" + e.getKey() + "' is not a valid regular expression: "
                        + ex.getDescription() + " near index " + ex.getIndex());
            }
        }
        return patterns;
    }
}
