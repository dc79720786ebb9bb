package vn.dvcsync.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Which dossiers carry which planted defect: a few slots spread evenly over the dossier numbers (one per
 * stratum, so over the whole year), each with one kind and a variant taken in turn. Its size is the number
 * of slots, a small share of the dossiers.
 */
final class DefectPlan {

    enum Kind {
        INVALID(0.28, 6),
        APPLICANT_NOT_FOUND(0.08, 1),
        APPLICANT_MISMATCH(0.18, 5),
        ORPHAN(0.06, 1),
        STATUS(0.12, 1),
        STALE(0.10, 1),
        FIELD(0.12, 4),
        MISSING(0.06, 1),
        /** the dossier cites a procedure unknown to the catalogue (the procedure is the defect) */
        CITE_UNKNOWN(0, 1);

        final double share;
        final int variants;

        Kind(double share, int variants) {
            this.share = share;
            this.variants = variants;
        }
    }

    /** Variants of {@link Kind#INVALID}, in turn. */
    static final int INVALID_DUE = 0;

    static final int INVALID_NO_FINISH = 1;
    static final int INVALID_NO_ID = 2;
    static final int INVALID_PREFIX = 3;
    static final int INVALID_CONTROL = 4;
    static final int INVALID_STATUS = 5;

    /** Variants of {@link Kind#FIELD}, in turn. */
    static final int FIELD_DUE = 0;

    static final int FIELD_UNIT = 1;
    static final int FIELD_FINISHED = 2;
    static final int FIELD_RETURNED = 3;

    private static final Applicants.Special[] MISMATCHES = {
        Applicants.Special.NAME,
        Applicants.Special.BIRTH,
        Applicants.Special.SEX,
        Applicants.Special.ID_YEAR,
        Applicants.Special.ID_SEX
    };

    private final int[] at;
    private final Kind[] kind;
    private final int[] variant;
    /** dedicated applicant ordinal, unknown procedure ordinal, or -1 */
    private final int[] ordinal;

    private final List<Applicants.Special> dedicated = new ArrayList<>();

    /**
     * @param unknownProcedures procedures absent from the catalogue, each cited by one slot (and by chance);
     *                          at most {@code dossiers}
     */
    DefectPlan(int dossiers, double share, int unknownProcedures, long seed) {
        Kind[] kinds = Kind.values();
        int[] counts = new int[kinds.length];
        if (share > 0) {
            int total = (int) Math.round(share * dossiers);
            double[] exact = new double[kinds.length];
            int given = 0;
            for (Kind k : kinds) {
                exact[k.ordinal()] = total * k.share;
                counts[k.ordinal()] = (int) exact[k.ordinal()];
                given += counts[k.ordinal()];
            }
            while (given < total) { // largest remainder
                int best = 0;
                for (int i = 1; i < kinds.length; i++) {
                    if (exact[i] - counts[i] > exact[best] - counts[best]) {
                        best = i;
                    }
                }
                counts[best]++;
                given++;
            }
            if (dossiers >= 200) {
                for (Kind k : kinds) {
                    counts[k.ordinal()] = Math.max(counts[k.ordinal()], k.share > 0 ? 1 : 0);
                }
            }
            counts[Kind.CITE_UNKNOWN.ordinal()] = unknownProcedures;
        }
        int slots = 0;
        for (int c : counts) {
            slots += c;
        }
        while (slots > dossiers) { // tiny sets: drop from the largest kind (every unknown procedure stays cited)
            int best = 0;
            for (int i = 1; i < Kind.CITE_UNKNOWN.ordinal(); i++) {
                best = counts[i] > counts[best] ? i : best;
            }
            counts[best]--;
            slots--;
        }
        Kind[] order = new Kind[slots];
        int n = 0;
        for (Kind k : kinds) {
            for (int c = 0; c < counts[k.ordinal()]; c++) {
                order[n++] = k;
            }
        }
        Rng rng = new Rng(seed, 0x91A7);
        int[] shuffle = City.shuffled(slots, rng);
        at = new int[slots];
        kind = new Kind[slots];
        variant = new int[slots];
        ordinal = new int[slots];
        for (int s = 0; s < slots; s++) {
            long lo = (long) s * dossiers / slots;
            long hi = (long) (s + 1) * dossiers / slots;
            at[s] = (int) (lo + rng.nextLong(0, hi - lo));
            kind[s] = order[shuffle[s]];
        }
        keepStaleAwayFromTheEnd(dossiers);
        int[] seen = new int[kinds.length];
        for (int s = 0; s < slots; s++) {
            Kind k = kind[s];
            int turn = seen[k.ordinal()]++;
            variant[s] = turn % k.variants;
            ordinal[s] = -1;
            if (k == Kind.CITE_UNKNOWN) {
                ordinal[s] = turn;
            } else if (k == Kind.APPLICANT_NOT_FOUND) {
                ordinal[s] = dedicate(Applicants.Special.NOT_FOUND);
            } else if (k == Kind.APPLICANT_MISMATCH) {
                ordinal[s] = dedicate(MISMATCHES[variant[s]]);
            } else if (k == Kind.INVALID && variant[s] == INVALID_NO_ID) {
                ordinal[s] = dedicate(Applicants.Special.NO_ID);
            }
        }
    }

    /**
     * A stale portal copy needs a dossier with more than a day between its first step and its last change,
     * before the anchor: the last days' dossiers cannot have one, so their STALE slots swap kinds with earlier ones.
     */
    private void keepStaleAwayFromTheEnd(int dossiers) {
        int late = (int) (dossiers * 0.97);
        for (int s = at.length - 1; s >= 0 && at[s] >= late; s--) {
            if (kind[s] != Kind.STALE) {
                continue;
            }
            for (int t = s - 1; t >= 0; t--) {
                if (at[t] < late && kind[t] != Kind.STALE) {
                    kind[s] = kind[t];
                    kind[t] = Kind.STALE;
                    break;
                }
            }
        }
    }

    private int dedicate(Applicants.Special special) {
        dedicated.add(special);
        return dedicated.size() - 1;
    }

    /** The dedicated applicants, in the order of their ordinals. */
    List<Applicants.Special> dedicated() {
        return List.copyOf(dedicated);
    }

    int slots() {
        return at.length;
    }

    /** Walks the slots in dossier order. */
    final class Cursor {
        private int next;

        /** The slot of this dossier, or -1; dossiers must be asked in increasing order. */
        int slotOf(int dossier) {
            while (next < at.length && at[next] < dossier) {
                next++;
            }
            return next < at.length && at[next] == dossier ? next : -1;
        }
    }

    Kind kind(int slot) {
        return kind[slot];
    }

    int variant(int slot) {
        return variant[slot];
    }

    int ordinal(int slot) {
        return ordinal[slot];
    }
}
