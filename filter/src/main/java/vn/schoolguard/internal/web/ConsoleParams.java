package vn.schoolguard.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Reading the console's query parameters: trimmed text, days in Vietnam's zone, bounded numbers with their problems. */
final class ConsoleParams {

    private ConsoleParams() {
    }

    static String param(ConsoleContext ctx, String name) {
        String value = ctx.request.getParameter(name);
        return value == null ? "" : value.trim();
    }

    static Optional<String> present(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The start of a day in Vietnam's zone ({@code plusDays} 1 for the end of an inclusive "to" day). */
    static Optional<Instant> day(ConsoleContext ctx, String name, String text, int plusDays, List<String> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text).plusDays(plusDays).atStartOfDay(ConsoleFormat.ZONE).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(ctx.text("console.filter.bad-date", ctx.text("console.filter." + name), text));
            return Optional.empty();
        }
    }

    static int number(ConsoleContext ctx, String name, int fallback, int min, int max, List<String> problems) {
        String text = param(ctx, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(ctx.text("console.filter.bad-number", name, text, String.valueOf(min), String.valueOf(max)));
        return fallback;
    }
}
