package vn.dvcsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configuration problem, however deep Spring wraps it, is reported as its one line and its remedy. */
class ConfigurationProblemAnalyzerTest {

    @Test
    void theProblemIsTheDescriptionAndItsRemedyTheAction() {
        ConfigurationProblem problem = new ConfigurationProblem("dvcsync.x is wrong", "Set dvcsync.x.");
        FailureAnalysis analysis = new ConfigurationProblemAnalyzer()
                .analyze(new BeanCreationException("leaseCheck", "Error creating bean", problem));
        assertThat(analysis.getDescription()).isEqualTo("dvcsync.x is wrong");
        assertThat(analysis.getAction()).isEqualTo("Set dvcsync.x.");
    }
}
