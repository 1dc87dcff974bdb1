package org.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md as tests: {@code ui → app → {media, storage}}, with the library
 * boundaries that keep each module replaceable. Lives in ui because only ui's classpath holds every module.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // Production classes only: not test-classes directories, and not the app's test-jar (its Kamailio harness
        // is on this module's test class path for the end-to-end UI flow).
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")
                        && !location.contains("/app/target/test-classes/"))
                .importPackages("org.parley");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"org.parley.storage", "org.parley.app", "org.parley.app.sip",
                "org.parley.app.cli"}) {
            org.assertj.core.api.Assertions.assertThat(main.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void storageAndMediaAreLeaves() {
        noClasses().that().resideInAnyPackage("org.parley.storage..", "org.parley.media..")
                .should().dependOnClassesThat().resideInAnyPackage("org.parley.app..", "org.parley.ui..",
                        "javax.sip..", "gov.nist..", "javafx..")
                .allowEmptyShould(true).check(main);
        noClasses().that().resideInAPackage("org.parley.storage..")
                .should().dependOnClassesThat().resideInAPackage("org.parley.media..").check(main);
        // media has no classes until the calls issue; the rule is in place for when it does.
        noClasses().that().resideInAPackage("org.parley.media..")
                .should().dependOnClassesThat().resideInAPackage("org.parley.storage..").allowEmptyShould(true)
                .check(main);
    }

    @Test
    void appDoesNotKnowTheUi() {
        noClasses().that().resideInAPackage("org.parley.app..")
                .should().dependOnClassesThat().resideInAPackage("org.parley.ui..").check(main);
    }

    @Test
    void onlyTheSipPackageUsesJainSip() {
        noClasses().that().resideOutsideOfPackage("org.parley.app.sip..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
                .because("SIP signalling is encapsulated in org.parley.app.sip; the core facade talks to it")
                .check(main);
    }

    @Test
    void javaFxOnlyInUi() {
        noClasses().that().resideOutsideOfPackage("org.parley.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(main);
    }

    @Test
    void jdbcOnlyInStorage() {
        noClasses().that().resideOutsideOfPackage("org.parley.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..").check(main);
    }

    @Test
    void loggingGoesThroughSlf4j() {
        // the one exception: Parley's Logback set-up, which Logback itself loads (ServiceLoader)
        noClasses().that().resideOutsideOfPackage("org.parley.app.logging").should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.log4j..",
                "org.apache.logging.log4j..", "ch.qos.logback..").check(main);
    }

    @Test
    void noSystemOutOutsideCliOutput() {
        noClasses().that().resideOutsideOfPackage("org.parley.app.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(main);
    }

    @Test
    void noPrintStackTrace() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(main);
    }

    @Test
    void capabilityInterfacesHaveNoIPrefixAndNoImplSuffix() {
        classes().should().haveSimpleNameNotEndingWith("Impl").check(main);
    }
}
