package vn.dvcsync.mapping;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A broken or missing mapping stops start-up with one line naming the file, the line and the rule (the
 * {@link MappingException}'s message), not a stack trace deep inside bean creation (that is at DEBUG).
 */
class MappingProblemAnalyzer extends AbstractFailureAnalyzer<MappingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MappingException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the file it names (the mappings folder: dvcsync.mappings.dir, or mappings/ in dvcsync.config-dir),"
                        + " then start the gateway again.",
                cause);
    }
}
