package org.minga.platform.web;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** One choice of a select ({@code forms :: select}): the value sent and the text shown. */
public record Option(String value, String text) {

    /** An enum's constants; the page translates them with a message prefix. */
    public static List<Option> of(Enum<?>[] constants) {
        return Arrays.stream(constants).map(c -> new Option(c.name(), c.name())).toList();
    }

    /** Any list, with how to get each element's value and text. */
    public static <T> List<Option> of(List<T> items, Function<T, ?> value, Function<T, String> text) {
        return items.stream().map(i -> new Option(String.valueOf(value.apply(i)), text.apply(i))).toList();
    }

    /** The currencies money is kept in. */
    public static List<Option> currencies() {
        return of(org.minga.platform.Currency.values());
    }
}
