package io.voxprint;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "io.voxprint", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Everything of ours except the shared bottom layer ({@code common}: error marker, files, threads). */
    private static final String[] OURS_BUT_COMMON = {"io.voxprint.audio..", "io.voxprint.model..", "io.voxprint.store..",
        "io.voxprint.scoring..", "io.voxprint.app..", "io.voxprint.cli..", "io.voxprint.ui.."};

    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses().that().resideOutsideOfPackage("io.voxprint.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /** Every package is its own slice, so a cycle between sub-packages (ui and ui.wiring, app and app.verify) fails too. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.voxprint.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule commonIsTheBottom = noClasses().that().resideInAPackage("io.voxprint.common..")
            .should().dependOnClassesThat().resideInAnyPackage(OURS_BUT_COMMON);

    @ArchTest
    static final ArchRule scoringStandsAlone = noClasses().that().resideInAPackage("io.voxprint.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.audio..", "io.voxprint.model..",
                    "io.voxprint.store..", "io.voxprint.app..", "io.voxprint.cli..", "io.voxprint.ui..");

    @ArchTest
    static final ArchRule storeStandsAlone = noClasses().that().resideInAPackage("io.voxprint.store..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.audio..", "io.voxprint.model..",
                    "io.voxprint.scoring..", "io.voxprint.app..", "io.voxprint.cli..", "io.voxprint.ui..");

    /** The store's interfaces are what a second engine implements: they know no engine and no JDBC. */
    @ArchTest
    static final ArchRule storeInterfacesKnowNoEngine = noClasses().that().resideInAPackage("io.voxprint.store")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.store.sqlite..", "io.voxprint.store.jdbc..",
                    "java.sql..", "org.sqlite..");

    @ArchTest
    static final ArchRule cryptoStandsAlone = noClasses().that().resideInAPackage("io.voxprint.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.audio..", "io.voxprint.model..",
                    "io.voxprint.store..", "io.voxprint.scoring..", "io.voxprint.app..", "io.voxprint.cli..",
                    "io.voxprint.ui..");

    @ArchTest
    static final ArchRule audioStandsAlone = noClasses().that().resideInAPackage("io.voxprint.audio..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.model..", "io.voxprint.store..",
                    "io.voxprint.scoring..", "io.voxprint.app..", "io.voxprint.cli..", "io.voxprint.ui..");

    /** The Hub client knows HTTP and the cache layout, nothing of the model it downloads. */
    @ArchTest
    static final ArchRule hubStandsAlone = noClasses().that().resideInAPackage("io.voxprint.model.hub..")
            .should().dependOnClassesThat(resideInAPackage("io.voxprint..")
                    .and(not(resideInAPackage("io.voxprint.model.hub..")))
                    .and(not(resideInAPackage("io.voxprint.common.."))));

    /** Only the app composes use cases; a use case never calls another front end or the root. */
    @ArchTest
    static final ArchRule useCasesOnlyOnTheParts = noClasses().that().resideInAPackage("io.voxprint.app.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.voxprint.app.enroll..", "io.voxprint.app.verify..",
                    "io.voxprint.app.identify..", "io.voxprint.app.speakers..", "io.voxprint.app.evaluate..",
                    "io.voxprint.app.calibrate..", "io.voxprint.app.inspect..", "io.voxprint.app.audit..");

    @ArchTest
    static final ArchRule frontEndsUseNoJdbcOrDjl = noClasses().that()
            .resideInAnyPackage("io.voxprint.cli..", "io.voxprint.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "ai.djl..", "org.sqlite..");

    /** The sound system as the UI may see it: the interface and the values it passes, nothing of javax.sound. */
    private static final DescribedPredicate<JavaClass> CAPTURE_INTERNALS = resideInAPackage("io.voxprint.audio.capture")
            .and(not(simpleName("SoundDevices"))).and(not(simpleName("Recording")))
            .and(not(simpleName("InputDevice"))).and(not(simpleName("CapturedAudio"))).and(not(simpleName("Level")))
            .and(not(simpleName("CaptureListener"))).and(not(simpleName("StopReason")))
            .and(not(simpleName("CaptureException")))
            .and(not(simpleName("PlaybackException")))
            .as("audio.capture internals (anything but SoundDevices and the values it passes)");

    @ArchTest
    static final ArchRule uiReachesSoundThroughAnInterface = noClasses().that().resideInAPackage("io.voxprint.ui..")
            .should().dependOnClassesThat(CAPTURE_INTERNALS)
            .orShould().dependOnClassesThat().resideInAnyPackage("javax.sound..");
}
