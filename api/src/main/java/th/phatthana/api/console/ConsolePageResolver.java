package th.phatthana.api.console;

import java.io.IOException;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Finds a file of the console bundle; for a console route the router handles in the browser
 * ({@code /dashboard}, {@code /staff/person}, {@code /invite/<token>}, …) the console page
 * {@code index.html}, and for {@code /graphiql} the GraphiQL page. Paths of the APIs and anything
 * that looks like a file (a dot in its last segment) are never answered with a page: they stay 404.
 */
final class ConsolePageResolver extends PathResourceResolver {

    static final String CONSOLE_PAGE = "index.html";
    static final String GRAPHIQL_PAGE = "graphiql.html";
    /** First path segments that belong to the APIs or to files, never to console routes. */
    private static final Set<String> NOT_PAGES = Set.of("api", "graphql", "xapi", "actuator", "assets", "fonts");

    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
        Resource file = super.getResource(resourcePath, location);
        if (file != null) {
            return file;
        }
        String page = pageFor(resourcePath);
        return page == null ? null : super.getResource(page, location);
    }

    /** The page that answers a path no file answers, or null for a 404. */
    static String pageFor(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.equals("graphiql") || trimmed.equals("graphiql/")) {
            return GRAPHIQL_PAGE;
        }
        int slash = trimmed.indexOf('/');
        String first = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        if (NOT_PAGES.contains(first) || last.contains(".")) {
            return null;
        }
        return CONSOLE_PAGE;
    }
}
