package vn.dvcsync.support;

import org.springframework.stereotype.Component;

/**
 * Whether the gateway is shutting down. Set once by the run service when the context closes (SIGTERM), before Camel
 * and the pools stop; the loops of a run (extraction pages, push batches, applicant look-ups) look at it between two
 * steps and end there, each step recorded, so the run stops within one call and what it left stays pending.
 */
@Component
public class Stopping {

    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }
}
