package kz.emtihan.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, held by the build (issue 11): contexts are packages; their rules ({@code *.model}) know
 * nothing of Vert.x, Redis or HTTP; refusals are the domain's, and only {@code http} knows statuses; {@code media}
 * is a library that knows no engine; no package depends on itself through others.
 */
class ArchitectureTest {
    private static JavaClasses engine;
    private static JavaClasses media;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")); // media's test-jar (FakeKms)
        engine = importer.importPackages("kz.emtihan").that(not(resideInAPackage("kz.emtihan.media..")));
        media = importer.importPackages("kz.emtihan.media");
    }

    @Test
    void modelPackagesAreFreeOfVertxRedisAndHttp() {
        noClasses()
                .that()
                .resideInAPackage("kz.emtihan..model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.vertx..", "redis..", "kz.emtihan.store", "kz.emtihan.http..")
                .because("a rule of the regulation is a pure function, tested without a server (STYLE.md)")
                .check(engine);
    }

    @Test
    void onlyHttpAdaptersKnowHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackages("kz.emtihan.http..", "kz.emtihan")
                .and()
                .haveSimpleNameNotEndingWith("Routes")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("kz.emtihan.http..")
                .because(
                        "services refuse in the domain's words (refusal.Refusal): http and each context's *Routes adapter alone speak HTTP")
                .check(engine);
    }

    @Test
    void refusalsAndTextsKnowNoContext() {
        classes()
                .that()
                .resideInAnyPackage("kz.emtihan.refusal..", "kz.emtihan.text..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "kz.emtihan.refusal..", "kz.emtihan.text..")
                .because("every context declares its refusals and sentences with them")
                .check(engine);
    }

    @Test
    void mediaKnowsNoEngine() {
        noClasses()
                .that()
                .resideInAPackage("kz.emtihan.media..")
                .should()
                .dependOnClassesThat(resideInAPackage("kz.emtihan..").and(not(resideInAPackage("kz.emtihan.media.."))))
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("io.vertx..")
                .because("media is a library: recording, vision and Kurento without the engine or Vert.x (DESIGN.md)")
                .check(media);
    }

    @Test
    void noPackageCycles() {
        slices().matching("kz.emtihan.(**)").should().beFreeOfCycles().check(engine);
    }
}
