package th.phatthana.api.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

/** Scalars and the limits every query is held to. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    /** Deep enough for organisation → staff → assessments → competency → …, not for abuse. */
    static final int MAX_DEPTH = 12;
    /** Each field costs 1; a capped page of 100 nodes with a handful of fields stays well inside. */
    static final int MAX_COMPLEXITY = 5_000;

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(Scalars.DATE).scalar(Scalars.DATE_TIME).scalar(Scalars.FISCAL_YEAR).scalar(Scalars.IRI);
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY);
    }
}
