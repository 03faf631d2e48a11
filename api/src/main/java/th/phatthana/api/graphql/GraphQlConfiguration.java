package th.phatthana.api.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;

/** Scalars and the limits every query is held to. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    /** Deep enough for organisation → staff → assessments → competency → …, not for abuse. */
    static final int MAX_DEPTH = 12;
    /** Each field costs 1; a capped page of 100 nodes with a handful of fields stays well inside. */
    static final int MAX_COMPLEXITY = 5_000;

    /** Replaces Spring Boot's cursor strategy (same cursors), so that a malformed cursor is bad input. */
    @Bean
    EncodingCursorStrategy<ScrollPosition> cursorStrategy() {
        return CursorStrategy.withEncoder(new CheckedCursors(), CursorEncoder.noOpEncoder());
    }

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(Scalars.DATE).scalar(Scalars.DATE_TIME).scalar(Scalars.FISCAL_YEAR).scalar(Scalars.IRI);
    }

    /**
     * An introspection query (only {@code __schema}/{@code __type} fields) may go deeper: GraphiQL's
     * standard one asks 15 levels for the schema's types (the schema /graphql/schema prints anyway).
     */
    static final int MAX_INTROSPECTION_DEPTH = 20;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth() {
        MaxQueryDepthInstrumentation introspection = new MaxQueryDepthInstrumentation(MAX_INTROSPECTION_DEPTH);
        return new MaxQueryDepthInstrumentation(MAX_DEPTH) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                    InstrumentationState state) {
                if (introspectionOnly(parameters.getExecutionContext().getOperationDefinition())) {
                    return introspection.beginExecuteOperation(parameters, state);
                }
                return super.beginExecuteOperation(parameters, state);
            }
        };
    }

    static boolean introspectionOnly(OperationDefinition operation) {
        return operation.getSelectionSet().getSelections().stream()
                .allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity() {
        return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY);
    }
}
