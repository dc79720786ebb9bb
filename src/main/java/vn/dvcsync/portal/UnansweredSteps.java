package vn.dvcsync.portal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.dvcsync.kernel.Vietnam;

/**
 * The policy for a progress step whose sending got no answer ({@code dvcsync.portal.unanswered-steps}): a call that
 * timed out, a connection lost after sending, HTTP 502/504, a reply that cannot be read or matched to the steps, or
 * a step claimed by an instance that stopped before it recorded the answer. A dossier in that case is looked up
 * ({@code TraCuuHoSo}) before it is sent again; a step cannot be: the portal appends steps
 * ({@code CapNhatTienDoHoSoMC}) and no service lists them. The portal client applies it within a call's retries, the
 * pusher to what the client answers and to the steps a stopped push left; both ask this one place.
 */
public enum UnansweredSteps {
    /**
     * Never sent again automatically: the step becomes a dead letter at once (FAILED, last error starting
     * {@code UNCONFIRMED}) for an admin to check on the portal and replay if it is missing. Nothing is doubled.
     */
    FAIL,
    /** Sent again (and counted, {@code push.steps_resent_unconfirmed}): nothing is left out, the portal may hold it twice. */
    RESEND;

    /** How the last error of a step's dead letter under {@link #FAIL} starts. */
    public static final String UNCONFIRMED = ItemCode.UNCONFIRMED.code();

    private static final DateTimeFormatter SENT_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(Vietnam.ZONE);
    private static final String ADVICE = "; the portal may or may not hold this step and has no service to "
            + "ask — check the dossier's progress on the portal and replay it if it is missing";

    /** Whether a step whose sending got no answer is sent again. */
    public boolean resends() {
        return this == RESEND;
    }

    /** What happened to an unanswered step: {@code sent at <Vietnam time>, the portal's answer was lost (<cause>)}. */
    static String lost(Instant sentAt, String cause) {
        return "sent at " + SENT_AT.format(sentAt) + ", the portal's answer was lost (" + cause + ")";
    }

    /** The last error of the dead letter of an unanswered step: {@code UNCONFIRMED: <what happened>; <what to do>}. */
    public static String deadLetterError(String whatHappened) {
        return UNCONFIRMED + ": " + whatHappened + ADVICE;
    }
}
