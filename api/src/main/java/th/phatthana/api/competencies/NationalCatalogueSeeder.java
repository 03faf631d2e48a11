package th.phatthana.api.competencies;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Writes the national catalogue and default requirements to the store on every start, before the web
 * server takes requests: national items are inserted or replaced, so a release's corrections reach every
 * deployment; organisations' own items and requirements are never touched.
 */
@Component
class NationalCatalogueSeeder implements SmartInitializingSingleton {

    private final CompetencyCatalogue catalogue;
    private final CompetencyRequirements requirements;

    NationalCatalogueSeeder(CompetencyCatalogue catalogue, CompetencyRequirements requirements) {
        this.catalogue = catalogue;
        this.requirements = requirements;
    }

    @Override
    public void afterSingletonsInstantiated() {
        catalogue.seedNational();
        requirements.seedNational();
    }
}
