package th.phatthana.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** How the packages of the application may depend on each other (production classes only). */
@AnalyzeClasses(packages = "th.phatthana", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    /** A cycle makes two features one: neither can be understood, tested or moved without the other. */
    @ArchTest
    static final ArchRule apiPackagesAreFreeOfCycles = slices().matching("th.phatthana.api.(*)..").should().beFreeOfCycles();

    /** Services return domain results (problems, outcomes); the controllers turn them into GraphQL. */
    @ArchTest
    static final ArchRule servicesAreFreeOfGraphQl = noClasses().that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().resideInAPackage("th.phatthana.api.graphql..");

    /** The lower modules know nothing of the application assembled from them. */
    @ArchTest
    static final ArchRule lowerModulesDoNotDependOnTheApi = noClasses()
            .that().resideInAnyPackage("th.phatthana.lrs..", "th.phatthana.tenants..", "th.phatthana.schema..")
            .should().dependOnClassesThat().resideInAPackage("th.phatthana.api..");
}
