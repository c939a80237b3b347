package org.detainerlab.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of docs/architecture.md, checked on the compiled classes of every application module. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // core's test-jar (RealData, MigratedDatabase) is on the test class path; its classes are tests too.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.detainerlab");
    }

    @Test
    void coreDependsOnNoOtherProjectModule() {
        noClasses().that().resideInAPackage("org.detainerlab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.detainerlab.api..", "org.detainerlab.ingest..",
                        "org.detainerlab.devstack..")
                .check(classes);
    }

    @Test
    void ingestDoesNotDependOnTheApplication() {
        noClasses().that().resideInAPackage("org.detainerlab.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.detainerlab.api..", "org.detainerlab.devstack..")
                .check(classes);
    }

    @Test
    void entitiesAndRepositoriesStayBehindServices() {
        noClasses().that().resideInAPackage("org.detainerlab.api..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .orShould().dependOnClassesThat().areAssignableTo(PanacheRepository.class)
                .check(classes);
    }

    @Test
    void transactionsBelongToServicesNotResources() {
        noClasses().that().resideInAPackage("org.detainerlab.api..")
                .should().beAnnotatedWith(Transactional.class).check(classes);
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("org.detainerlab.api..")
                .should().beAnnotatedWith(Transactional.class).check(classes);
    }

    @Test
    void everyEndpointSaysWhoMayCallIt() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Path.class).and().arePublic()
                .and().areNotStatic()
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(Authenticated.class)
                .orShould().beDeclaredInClassesThat().areAnnotatedWith(RolesAllowed.class)
                .orShould().beDeclaredInClassesThat().areAnnotatedWith(Authenticated.class)
                .check(classes);
    }
}
