package th.phatthana.api.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import th.phatthana.schema.FiscalYears;

/** The custom scalars of the schema: Date, DateTime, FiscalYear (Buddhist Era), IRI. */
public final class Scalars {

    private Scalars() {
    }

    public static final GraphQLScalarType DATE = stringScalar("Date", "A calendar date, ISO 8601 (e.g. 2024-10-01)",
            LocalDate.class, LocalDate::toString, text -> {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Date must be YYYY-MM-DD (Christian Era), not '" + text + "'");
                }
            });

    public static final GraphQLScalarType DATE_TIME = stringScalar("DateTime", "An instant, ISO 8601 with offset",
            Instant.class, Instant::toString, text -> {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("DateTime must be ISO 8601 with an offset, not '" + text + "'");
                }
            });

    public static final GraphQLScalarType IRI = stringScalar("IRI", "An absolute IRI (RFC 3987), e.g. an xAPI activity id",
            String.class, Function.identity(), text -> {
                if (!text.matches("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$")) {
                    throw new IllegalArgumentException("IRI must be absolute with a scheme, not '" + text + "'");
                }
                return text;
            });

    public static final GraphQLScalarType FISCAL_YEAR = GraphQLScalarType.newScalar()
            .name("FiscalYear")
            .description("A Thai fiscal year (ปีงบประมาณ) named by its Buddhist-Era year: 2567 runs 1 Oct 2023 to 30 Sep 2024")
            .coercing(new Coercing<Integer, Integer>() {
                @Override
                public Integer serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Number number) {
                        return number.intValue();
                    }
                    throw new CoercingSerializeException("FiscalYear must be a number");
                }

                @Override
                public Integer parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof Number number) {
                        return check(number.intValue(), CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("FiscalYear must be a Buddhist-Era year such as 2567");
                }

                @Override
                public Integer parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof IntValue value) {
                        return check(value.getValue().intValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("FiscalYear must be a Buddhist-Era year such as 2567");
                }

                private <E extends RuntimeException> Integer check(int year, Function<String, E> error) {
                    if (!FiscalYears.plausible(year)) {
                        throw error.apply("FiscalYear " + year + " is not a Buddhist-Era year (expected e.g. 2567; B.E. = C.E. + 543)");
                    }
                    return year;
                }
            })
            .build();

    private static <T> GraphQLScalarType stringScalar(String name, String description, Class<T> type, Function<T, String> format,
            Function<String, T> parse) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (type.isInstance(value)) {
                    return format.apply(type.cast(value));
                }
                if (value instanceof OffsetDateTime offset && type == Instant.class) {
                    return offset.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
                }
                throw new CoercingSerializeException(name + " cannot be made from " + value.getClass().getSimpleName());
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parse.apply(String.valueOf(input));
                } catch (IllegalArgumentException e) {
                    throw new CoercingParseValueException(e.getMessage());
                }
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (!(input instanceof StringValue text)) {
                    throw new CoercingParseLiteralException(name + " must be a string");
                }
                try {
                    return parse.apply(text.getValue());
                } catch (IllegalArgumentException e) {
                    throw new CoercingParseLiteralException(e.getMessage());
                }
            }
        }).build();
    }
}
