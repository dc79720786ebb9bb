package vn.dvcsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure the README draws, kept by the build: a feature is a direct sub-package of {@code vn.dvcsync}
 * ({@code vn.dvcsync.<feature>..}).
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("vn.dvcsync");
    }

    @Test
    void noCycleBetweenFeatures() {
        slices().matching("vn.dvcsync.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void theDemoAndTheSimulatorsAreImportedByNothingElse() {
        noClasses()
                .that()
                .resideOutsideOfPackages("vn.dvcsync.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.dvcsync.demo..")
                .because("the demo is wired only when no URL is configured")
                .check(main);
        noClasses()
                .that()
                .resideOutsideOfPackages("vn.dvcsync.demo..", "vn.dvcsync.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.dvcsync.simulator..")
                .because("the simulators start only for a system with no URL configured")
                .check(main);
    }

    @Test
    void theKernelAndTheCanonicalRecordsDependOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage("vn.dvcsync.kernel..")
                .should()
                .dependOnClassesThat(feature().and(outsideOf("kernel")))
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("vn.dvcsync.canonical..")
                .should()
                .dependOnClassesThat(feature().and(outsideOf("kernel")).and(outsideOf("canonical")))
                .check(main);
    }

    @Test
    void aFeaturesInternalPackageIsUsedByThatFeatureOnly() {
        classes()
                .that()
                .resideInAPackage("vn.dvcsync..")
                .should(new ArchCondition<>("use no other feature's internal package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (target.contains(".internal")
                                    && !feature(target).equals(feature(origin.getPackageName()))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .check(main);
    }

    private static DescribedPredicate<JavaClass> feature() {
        return DescribedPredicate.describe(
                "a feature's", c -> !feature(c.getPackageName()).isEmpty());
    }

    private static DescribedPredicate<JavaClass> outsideOf(String name) {
        return DescribedPredicate.describe(
                "outside of " + name, c -> !feature(c.getPackageName()).equals(name));
    }

    /** The feature of a package ({@code vn.dvcsync.<feature>...}), empty for a package outside of one. */
    private static String feature(String pkg) {
        String prefix = "vn.dvcsync.";
        if (!pkg.startsWith(prefix)) {
            return "";
        }
        String rest = pkg.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
