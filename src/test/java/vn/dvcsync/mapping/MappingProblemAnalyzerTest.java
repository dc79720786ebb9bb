package vn.dvcsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Issue #11 item 5: a broken mapping stops start-up with one line naming the file, the line and the rule. */
class MappingProblemAnalyzerTest {

    @Test
    void aMissingMappingIsOneLineDeepInsideBeanCreation(@TempDir Path empty) {
        MappingException missing = null;
        try {
            TextPolicy.load(empty);
        } catch (MappingException e) {
            missing = e;
        }
        assertThat(missing).isNotNull();
        Throwable startUp = new BeanCreationException(
                "portalMapping", "Error creating bean", new BeanCreationException("textPolicy", "failed", missing));

        FailureAnalysis analysis = new MappingProblemAnalyzer().analyze(startUp);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo(missing.getMessage())
                .contains("text-policy.yaml")
                .doesNotContain("\n");
        assertThat(analysis.getAction()).contains("dvcsync.config-dir");
    }
}
