package org.parley.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MVVM in the desktop app (docs/ui.md): view-models and the state they expose (rows named {@code *Item},
 * the shared {@code org.parley.ui.common} helpers) use javafx.beans and javafx.collections only — never
 * javafx.scene, javafx.stage or javafx.application — so they are tested without a screen; and they never
 * know their views.
 */
class UiArchitectureTest {
    private static JavaClasses ui;

    @BeforeAll
    static void importUi() {
        ui = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.parley.ui");
    }

    @Test
    void viewModelsDoNotUseTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Item")
                .or().resideInAPackage("org.parley.ui.common..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..")
                .because("view-models own state and actions and are tested without a screen")
                .check(ui);
    }

    @Test
    void viewModelsDoNotKnowTheirViews() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Dialog")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Cell")
                .check(ui);
    }

    @Test
    void onlyTheCompositionRootOpensTheRealCore() {
        noClasses().that().resideOutsideOfPackage("org.parley.ui")
                .should().dependOnClassesThat().resideInAPackage("org.parley.app.core..")
                .because("view-models get a Parley from the composition root (fakes in tests)")
                .check(ui);
    }
}
