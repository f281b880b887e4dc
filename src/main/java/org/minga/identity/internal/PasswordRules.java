package org.minga.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.minga.platform.InvalidInputException.Violation;

/**
 * What makes a password too easy to guess: its length, blanks, one repeated character or a short
 * repeated pattern, a run like 1234567890 or abcdefghij, the user name inside it, or a place on
 * the list of the 5,000 most common passwords (resource identity/common-passwords.txt, whose
 * header says where it comes from). The same rules for accounts made by administrators, citizens'
 * sign-up and every password change.
 */
final class PasswordRules {

    static final int MIN = 10;
    static final int MAX = 128;
    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** Adds the first rule the password breaks, if any, as a violation on {@code field}. */
    static void check(String field, String password, String username, List<Violation> problems) {
        String rule = broken(password, username);
        if (rule != null) {
            problems.add(rule.equals("Size") ? new Violation(field, rule, "password.size", MIN)
                    : new Violation(field, rule, "password." + Character.toLowerCase(rule.charAt(0)) + rule.substring(1)));
        }
    }

    /** The name of the broken rule (Size, Blank, Repeated, Sequence, ContainsUsername, Common), or null. */
    static String broken(String password, String username) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            return "Size";
        }
        if (password.isBlank()) {
            return "Blank";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (repeatsShortPattern(lower)) {
            return "Repeated";
        }
        if (isRun(lower)) {
            return "Sequence";
        }
        if (username != null && username.strip().length() >= 3 && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return "ContainsUsername";
        }
        if (COMMON.contains(lower) || COMMON.contains(core(lower))) {
            return "Common";
        }
        return null;
    }

    /** The whole password is one pattern of up to 4 characters, repeated: "aaaaaaaaaa", "abcabcabca". */
    private static boolean repeatsShortPattern(String s) {
        for (int period = 1; period <= 4; period++) {
            boolean repeats = true;
            for (int i = period; i < s.length() && repeats; i++) {
                repeats = s.charAt(i) == s.charAt(i - period);
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** Every character one step after (or before) the previous: 1234567890, 9876543210, abcdefghij. */
    private static boolean isRun(String s) {
        int step = next(s.charAt(0), s.charAt(1));
        if (step == 0) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (next(s.charAt(i - 1), s.charAt(i)) != step) {
                return false;
            }
        }
        return true;
    }

    private static int next(char a, char b) {
        if (Character.isDigit(a) && Character.isDigit(b)) {
            int d = Math.floorMod(b - a, 10);
            return d == 1 ? 1 : d == 9 ? -1 : 0;
        }
        return b - a == 1 ? 1 : b - a == -1 ? -1 : 0;
    }

    /** The password without the digits and symbols people add at the end: "password2026!" → "password". */
    private static String core(String s) {
        int end = s.length();
        while (end > 0 && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return end >= 4 ? s.substring(0, end) : s;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (var in = PasswordRules.class.getResourceAsStream("/identity/common-passwords.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
