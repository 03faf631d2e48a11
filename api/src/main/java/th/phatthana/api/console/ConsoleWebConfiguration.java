package th.phatthana.api.console;

import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web console (module {@code web}, packed under {@code META-INF/resources/}) at
 * {@code /}, GraphiQL at {@code /graphiql}, and the Sarabun font at {@code /fonts/}: everything
 * the pages load comes from this application.
 *
 * <ul>
 * <li>{@code /assets/**}: the bundle's hashed files, cached for a year, gzip copies served to
 * browsers that accept them;</li>
 * <li>{@code /fonts/**}: the Sarabun files the PDF exports use too;</li>
 * <li>anything else GET: a file of the bundle, or for a console route ({@code /dashboard},
 * {@code /invite/<token>}, …) the console's {@code index.html} ({@link ConsolePageResolver}).</li>
 * </ul>
 * Controllers and the GraphQL endpoints are mapped before resources, so every API path keeps its
 * handler; Spring Boot's own static mappings are off ({@code spring.web.resources.add-mappings}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    static final String BUNDLE = "classpath:/META-INF/resources/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(BUNDLE + "assets/")
                .setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/fonts/**")
                .addResourceLocations("classpath:/fonts/")
                .setCacheControl(CacheControl.maxAge(30, TimeUnit.DAYS).cachePublic())
                .resourceChain(true);
        registry.addResourceHandler("/**")
                .addResourceLocations(BUNDLE)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new ConsolePageResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsoleSecurityHeaders())
                .addPathPatterns("/**")
                .excludePathPatterns("/api/**", "/graphql", "/graphql/**", "/xapi/**", "/actuator/**");
    }
}
