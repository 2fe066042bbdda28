package kz.emtihan.live;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 (3): live is a hub the contexts plug into. It knows none of them, so no context depends on live through
 * a loop (exam, proctor and sitting import live; live imports none of them, nor {@code http}).
 */
class LiveDependenciesTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.emtihan");

    @Test
    void liveKnowsNoContextThatPlugsIntoIt() {
        noClasses()
                .that()
                .resideInAPackage("kz.emtihan.live..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "kz.emtihan.exam..", "kz.emtihan.proctor..", "kz.emtihan.sitting..", "kz.emtihan.http..")
                .check(ENGINE);
    }
}
