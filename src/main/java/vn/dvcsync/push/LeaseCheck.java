package vn.dvcsync.push;

import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.dvcsync.ledger.LedgerProperties;
import vn.dvcsync.portal.PortalProperties;
import vn.dvcsync.support.ConfigurationProblem;

/**
 * At start-up: one portal call with all its retries must end within the lease on the rows it carries
 * ({@code dvcsync.ledger.lease}); otherwise another instance could take them over and send them again while the call
 * still goes on. The longest such call is {@code max-attempts} deadlines ({@code dvcsync.portal.timeout}, each
 * attempt cut off at it) and a back-off of at most {@code max-delay} between two attempts. A configuration where it
 * does not fit fails start-up, naming the settings: shortening the retries silently would make a portal that is
 * slow for a while fail the run, lengthening the lease would delay another instance's take-over, and which one an
 * operator wants is theirs to say.
 */
@Component
class LeaseCheck {

    LeaseCheck(PortalProperties portal, LedgerProperties ledger) {
        check(portal, ledger);
    }

    /** The longest one portal call can take with its retries. */
    static Duration longestCall(PortalProperties portal) {
        PortalProperties.Retry retry = portal.retry();
        int attempts = Math.max(1, retry.maxAttempts());
        return portal.timeout().multipliedBy(attempts).plus(retry.maxDelay().multipliedBy(attempts - 1L));
    }

    static void check(PortalProperties portal, LedgerProperties ledger) {
        Duration longest = longestCall(portal);
        if (longest.compareTo(ledger.lease()) >= 0) {
            PortalProperties.Retry retry = portal.retry();
            throw new ConfigurationProblem(
                    "dvcsync.ledger.lease (" + ledger.lease() + ") must be longer than one portal "
                            + "call with its retries: " + retry.maxAttempts()
                            + " attempts (dvcsync.portal.retry.max-attempts) of "
                            + "up to " + portal.timeout() + " (dvcsync.portal.timeout) with back-offs of up to "
                            + retry.maxDelay() + " (dvcsync.portal.retry.max-delay) take up to " + longest,
                    "Set dvcsync.ledger.lease longer than " + longest + ", or lower dvcsync.portal.timeout, "
                            + "dvcsync.portal.retry.max-attempts or dvcsync.portal.retry.max-delay.");
        }
    }
}
