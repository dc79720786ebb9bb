package vn.dvcsync.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import vn.dvcsync.canonical.Applicant;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Step;

/**
 * The canonical properties a mapping may read, as plain accessor functions (no reflection per record).
 * A dotted path such as {@code applicant.fullName} is resolved once, at load time, into one function.
 */
final class Sources {

    record Property<T>(String name, Class<?> type, Function<T, Object> get) {}

    static final Map<String, Property<Applicant>> APPLICANT = props(
            p("id", Long.class, Applicant::id),
            p("kind", Integer.class, Applicant::kind),
            p("idNumber", String.class, Applicant::idNumber),
            p("fullName", String.class, Applicant::fullName),
            p("birthDate", LocalDate.class, Applicant::birthDate),
            p("sex", Integer.class, Applicant::sex),
            p("phone", String.class, Applicant::phone),
            p("email", String.class, Applicant::email),
            p("address", String.class, Applicant::address));

    static final Map<String, Property<Dossier>> DOSSIER = props(
            p("id", Long.class, Dossier::id),
            p("code", String.class, Dossier::code),
            p("procedureCode", String.class, Dossier::procedureCode),
            p("procedureName", String.class, Dossier::procedureName),
            p("fieldCode", String.class, Dossier::fieldCode),
            p("fieldName", String.class, Dossier::fieldName),
            p("unitCode", String.class, Dossier::unitCode),
            p("unitName", String.class, Dossier::unitName),
            p("applicant", Applicant.class, Dossier::applicant),
            p("summary", String.class, Dossier::summary),
            p("channel", Integer.class, Dossier::channel),
            p("status", String.class, Dossier::status),
            p("submittedAt", OffsetDateTime.class, Dossier::submittedAt),
            p("receivedAt", OffsetDateTime.class, Dossier::receivedAt),
            p("dueAt", OffsetDateTime.class, Dossier::dueAt),
            p("finishedAt", OffsetDateTime.class, Dossier::finishedAt),
            p("returnedAt", OffsetDateTime.class, Dossier::returnedAt),
            p("paidOnline", Boolean.class, Dossier::paidOnline),
            p("digitised", Boolean.class, Dossier::digitised),
            p("vneidVerified", Boolean.class, Dossier::vneidVerified),
            p("updatedAt", OffsetDateTime.class, Dossier::updatedAt));

    static final Map<String, Property<Step>> STEP = props(
            p("id", Long.class, Step::id),
            p("dossierId", Long.class, Step::dossierId),
            p("dossierCode", String.class, Step::dossierCode),
            p("at", OffsetDateTime.class, Step::at),
            p("handler", String.class, Step::handler),
            p("title", String.class, Step::title),
            p("department", String.class, Step::department),
            p("content", String.class, Step::content),
            p("status", String.class, Step::status),
            p("deadline", OffsetDateTime.class, Step::deadline));

    /** Nested records reachable through a dotted path. */
    private static final Map<Class<?>, Map<String, ? extends Property<?>>> NESTED = Map.of(Applicant.class, APPLICANT);

    private Sources() {}

    /**
     * Resolves {@code path} (e.g. {@code code} or {@code applicant.fullName}) against {@code root}.
     *
     * @throws IllegalArgumentException naming the unknown part and the known properties
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> Property<T> resolve(Map<String, Property<T>> root, String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        Property<T> first = root.get(head);
        if (first == null) {
            throw new IllegalArgumentException(
                    "unknown source property '" + path + "' (known: " + String.join(", ", root.keySet()) + ")");
        }
        if (dot < 0) {
            return first;
        }
        Map<String, ? extends Property<?>> nested = NESTED.get(first.type());
        if (nested == null) {
            throw new IllegalArgumentException(
                    "unknown source property '" + path + "': '" + head + "' has no properties");
        }
        Property rest;
        try {
            rest = resolve((Map) nested, path.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source property '" + path + "' (" + head + " has: "
                    + String.join(", ", nested.keySet()) + ")");
        }
        Function<T, Object> outer = first.get();
        Function<Object, Object> inner = rest.get();
        return new Property<>(path, rest.type(), record -> {
            Object parent = outer.apply(record);
            return parent == null ? null : inner.apply(parent);
        });
    }

    /** A readable name of a property's type for error messages. */
    static String describe(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == Long.class) {
            return "number";
        }
        if (type == OffsetDateTime.class) {
            return "time";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == Boolean.class) {
            return "yes/no";
        }
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " record";
    }

    @SafeVarargs
    private static <T> Map<String, Property<T>> props(Property<T>... properties) {
        Map<String, Property<T>> map = new LinkedHashMap<>();
        for (Property<T> p : properties) {
            map.put(p.name(), p);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static <T> Property<T> p(String name, Class<?> type, Function<T, Object> get) {
        return new Property<>(name, type, get);
    }
}
