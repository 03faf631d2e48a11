package th.phatthana.api.metrics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;

import io.micrometer.observation.ObservationRegistry;

/**
 * With tracing on ({@code PHATTHANA_TRACING=true}), every MongoDB command is a span of the request
 * (or background work) that sent it, so a trace shows the store writes of an xAPI POST. Off, the
 * driver carries no listener at all: no cost on every command.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "true")
class TracingConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer tracedStoreCommands(ObservationRegistry observations) {
        return settings -> settings.contextProvider(ContextProviderFactory.create(observations))
                .addCommandListener(new MongoObservationCommandListener(observations));
    }
}
