package vn.schoolguard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static vn.schoolguard.architecture.Layers.ADAPTERS;
import static vn.schoolguard.architecture.Layers.CORES;
import static vn.schoolguard.architecture.Layers.FOUNDATION;
import static vn.schoolguard.architecture.Layers.TOP;
import static vn.schoolguard.architecture.Layers.packages;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering guard: no package cycles, no servlet API in a core, JDBC only in storage, each layer looks only down,
 * and no capability reads another capability's settings.
 */
class LayeringTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(Layers.ROOT);
    }

    @Test
    void packagesFormNoCycle() {
        check(slices().matching(Layers.INTERNAL + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void theApiNeedsNothingButTheJdk() {
        check(noClasses().that().resideInAPackage(Layers.API + "..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", Layers.API + ".."));
    }

    @Test
    void corePackagesNeverSeeTheServletApi() {
        check(noClasses().that().resideInAnyPackage(packages(join(FOUNDATION, CORES)))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "javax.servlet.."));
    }

    @Test
    void onlyStorageUsesJdbc() {
        check(noClasses().that().resideOutsideOfPackages(Layers.pkg("db") + "..", Layers.pkg("store") + "..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql.."));
    }

    @Test
    void foundationsLookOnlyAtFoundations() {
        check(noClasses().that().resideInAnyPackage(packages(FOUNDATION))
                .should().dependOnClassesThat().resideInAnyPackage(packages(join(CORES, ADAPTERS, TOP)))
                .orShould().dependOnClassesThat(inRootPackage()));
    }

    @Test
    void coresNeverReachUpToAdaptersOrEntryPoints() {
        check(noClasses().that().resideInAnyPackage(packages(CORES))
                .should().dependOnClassesThat().resideInAnyPackage(packages(join(ADAPTERS, TOP)))
                .orShould().dependOnClassesThat(inRootPackage()));
    }

    @Test
    void adaptersNeverReachUpToTheConsoleOrEntryPoints() {
        check(noClasses().that().resideInAnyPackage(packages(ADAPTERS))
                .should().dependOnClassesThat().resideInAnyPackage(packages(TOP))
                .orShould().dependOnClassesThat(inRootPackage()));
    }

    @Test
    void noCapabilityReadsAnotherCapabilitysSettings() {
        for (String core : CORES) {
            List<String> others = new ArrayList<>(CORES);
            others.remove(core);
            check(noClasses().that().resideInAnyPackage(packages(others))
                    .should().dependOnClassesThat(settingsOf(core)));
        }
    }

    @Test
    void onlyTheCommandLineReachesBackToTheFilterPackage() {
        check(noClasses().that().resideInAPackage(Layers.ROOT + ".*..")
                .and().resideOutsideOfPackage(Layers.pkg("cli") + "..")
                .should().dependOnClassesThat(inRootPackage()));
    }

    @Test
    void onlyTheLoggingPackageTalksToSlf4j() {
        check(noClasses().that().resideOutsideOfPackage(Layers.pkg("log") + "..")
                .should().dependOnClassesThat().resideInAnyPackage("org.slf4j.."));
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }

    private static DescribedPredicate<JavaClass> inRootPackage() {
        return DescribedPredicate.describe("reside in the root package " + Layers.ROOT,
                type -> type.getPackageName().equals(Layers.ROOT));
    }

    private static DescribedPredicate<JavaClass> settingsOf(String core) {
        String pkg = Layers.pkg(core);
        return DescribedPredicate.describe("are settings of " + pkg,
                type -> type.getPackageName().equals(pkg) && type.getSimpleName().endsWith("Settings"));
    }

    @SafeVarargs
    private static List<String> join(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
