package io.nekorekten4j.fake;

/**
 * How the fake masks the names and e-mails of reported people (and of reporters) in search
 * results, after the live payload of the reference (§2): {@code Не**}, {@code Желяз****},
 * {@code xxxxx****@gmail.com}.
 *
 * <p>The rule: keep the first ⌈n/2⌉ characters and replace each of the other characters by one
 * {@code *}. For names it is applied to each word (each run of letters and marks), keeping the
 * separators, so that {@code Петрова-Иванова} becomes {@code Петр***-Иван***} and a search by either
 * word is still attributed "compatible with the mask"; a one-word name is masked exactly as the
 * rule says. For e-mails it is applied to the part before the {@code @}; the domain stays. A
 * one-character word or local part therefore stays visible. Characters are counted in code points.
 */
final class Masking {

    private Masking() {
    }

    /** {@code name} masked word by word. */
    static String name(String name) {
        StringBuilder masked = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            if (!isWordChar(cp)) {
                masked.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            while (end < name.length() && isWordChar(name.codePointAt(end))) {
                end += Character.charCount(name.codePointAt(end));
            }
            maskRun(name, i, end, masked);
            i = end;
        }
        return masked.toString();
    }

    /** {@code email} with its local part masked. */
    static String email(String email) {
        int at = email.lastIndexOf('@');
        int end = at < 0 ? email.length() : at;
        StringBuilder masked = new StringBuilder(email.length());
        maskRun(email, 0, end, masked);
        masked.append(email, end, email.length());
        return masked.toString();
    }

    private static void maskRun(String text, int start, int end, StringBuilder out) {
        int length = text.codePointCount(start, end);
        int keep = (length + 1) / 2;
        int cut = text.offsetByCodePoints(start, keep);
        out.append(text, start, cut);
        out.append("*".repeat(length - keep));
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
