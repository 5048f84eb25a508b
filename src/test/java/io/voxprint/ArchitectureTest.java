package io.voxprint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "io.voxprint", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses().that().resideOutsideOfPackage("io.voxprint.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.voxprint.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule scoringStandsAlone = noClasses().that().resideInAPackage("io.voxprint.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.audio..", "io.voxprint.model..",
                    "io.voxprint.store..", "io.voxprint.app..", "io.voxprint.cli..", "io.voxprint.ui..");

    @ArchTest
    static final ArchRule storeStandsAlone = noClasses().that().resideInAPackage("io.voxprint.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.audio..", "io.voxprint.model..",
                    "io.voxprint.scoring..", "io.voxprint.app..", "io.voxprint.cli..", "io.voxprint.ui..");

    @ArchTest
    static final ArchRule cryptoStandsAlone = noClasses().that().resideInAPackage("io.voxprint.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.audio..", "io.voxprint.model..",
                    "io.voxprint.store..", "io.voxprint.scoring..", "io.voxprint.app..", "io.voxprint.cli..",
                    "io.voxprint.ui..");

    @ArchTest
    static final ArchRule audioStandsAlone = noClasses().that().resideInAPackage("io.voxprint.audio..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.model..", "io.voxprint.store..",
                    "io.voxprint.scoring..", "io.voxprint.app..", "io.voxprint.cli..", "io.voxprint.ui..");

    @ArchTest
    static final ArchRule frontEndsUseNoJdbcOrDjl = noClasses().that()
            .resideInAnyPackage("io.voxprint.cli..", "io.voxprint.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "ai.djl..", "org.sqlite..");
}
