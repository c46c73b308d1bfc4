package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The key is found after decoding, in every form a body excerpt may carry it in. */
class SecretRedactionTest {

    private static final String KEY = "TEST-KEY-9f3a/b+Zq_7";
    private static final ErrorMapper.Redactor REDACTOR = ErrorMapper.Redactor.of(KEY, List.of("ivan@abv.bg", "Иван Петров"));

    private static String jsonEscapedEveryOther(String s, boolean upper) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(i % 2 == 0 ? String.format(upper ? "\\u%04X" : "\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String percentEncoded(String s, boolean upper) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format(upper ? "%%%02X" : "%%%02x", b & 0xFF));
        }
        return out.toString();
    }

    private static void assertRedacted(String form) {
        String text = "{\"message\":\"Невалиден ключ " + form + " за този IP\"}";

        String redacted = REDACTOR.apply(text);

        assertThat(redacted).as(form).contains(ErrorMapper.REDACTED).startsWith("{\"message\":\"Невалиден ключ ")
                .endsWith(" за този IP\"}");
        assertThat(redacted.replace(ErrorMapper.REDACTED, "")).as(form).doesNotContain("9f3a").doesNotContain("f3a");
    }

    @Test
    void theKeyAsItIs() {
        assertRedacted(KEY);
    }

    @Test
    void theKeyWithEveryCharacterJsonEscapedInLowerOrUpperCaseHex() {
        assertRedacted(jsonEscapedEveryOther(KEY, false).replaceAll("(?<!\\\\u[0-9a-f]{0,3})([^\\\\])", "$1"));
        StringBuilder all = new StringBuilder();
        KEY.chars().forEach(c -> all.append(String.format("\\u%04X", c)));
        assertRedacted(all.toString());
        assertRedacted(all.toString().toLowerCase(Locale.ROOT).replace("\\u", "\\U"));
    }

    @Test
    void theKeyWithSomeCharactersJsonEscapedAndTheRestNot() {
        assertRedacted(jsonEscapedEveryOther(KEY, true));
        assertRedacted(jsonEscapedEveryOther(KEY, false));
        assertRedacted(KEY.replace("/", "\\/"));
        assertRedacted("\\u0054EST-KEY-9f3a/b+Zq_7");
    }

    @Test
    void theKeyPercentEncodedWholeOrInPartInEitherCase() {
        assertRedacted(percentEncoded(KEY, true));
        assertRedacted(percentEncoded(KEY, false));
        assertRedacted(KEY.replace("/", "%2F").replace("+", "%2b"));
        assertRedacted(KEY.replace("/", "%u002F"));
    }

    @Test
    void theKeyAsHtmlCharacterReferences() {
        StringBuilder decimal = new StringBuilder();
        StringBuilder hex = new StringBuilder();
        KEY.chars().forEach(c -> {
            decimal.append("&#").append(c).append(';');
            hex.append("&#X").append(Integer.toHexString(c)).append(';');
        });
        assertRedacted(decimal.toString());
        assertRedacted(hex.toString());
        assertRedacted(KEY.replace("/", "&sol;").replace("+", "&plus;"));
        assertRedacted(KEY.replace("K", "&#75")); // no ";": the digits end where the letters start
    }

    @Test
    void theKeyEncodedTwiceOver() {
        assertRedacted(percentEncoded(KEY, true).replace("%", "\\u0025"));
        assertRedacted(jsonEscapedEveryOther(KEY, true).replace("\\", "%5C"));
        assertRedacted(KEY.replace("-", "&amp;#45;"));
    }

    @Test
    void theKeyInAnotherCase() {
        assertRedacted(KEY.toUpperCase(Locale.ROOT));
        assertRedacted(KEY.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void theKeyInBase64AtEveryAlignmentStandardOrUrlSafe(int prefix) {
        String wrapped = "xy".substring(0, prefix) + KEY + ":";
        String standard = Base64.getEncoder().encodeToString(wrapped.getBytes(StandardCharsets.UTF_8));
        String urlSafe = Base64.getUrlEncoder().encodeToString(wrapped.getBytes(StandardCharsets.UTF_8));

        for (String form : List.of(standard, urlSafe)) {
            String redacted = REDACTOR.apply("Authorization: Basic " + form);
            assertThat(redacted).as(form).contains(ErrorMapper.REDACTED);
            String left = redacted.replace(ErrorMapper.REDACTED, "").replace("Authorization: Basic ", "");
            assertThat(left.length()).as("at most the characters shared with the bytes around the key")
                    .isLessThanOrEqualTo(6);
        }
    }

    @Test
    void anExcerptCutInsideTheKeyLosesTheBeginningToo() {
        assertThat(REDACTOR.apply("echo: " + KEY.substring(0, 10))).isEqualTo("echo: " + ErrorMapper.REDACTED);
        String escaped = jsonEscapedEveryOther(KEY, true);
        assertThat(REDACTOR.apply("echo: " + escaped.substring(0, 23))).isEqualTo("echo: " + ErrorMapper.REDACTED);
    }

    @Test
    void personalDataIsFoundDecodedTooCyrillicIncluded() {
        assertThat(REDACTOR.apply("e-mail ivan&commat;abv.bg и ivan%40ABV.bg")).isEqualTo(
                "e-mail " + ErrorMapper.REDACTED + " и " + ErrorMapper.REDACTED);
        assertThat(REDACTOR.apply("name=" + percentEncoded("Иван Петров", true).replace("%20", "+") + "&x=1"))
                .isEqualTo("name=" + ErrorMapper.REDACTED + "&x=1");
        assertThat(REDACTOR.apply("{\"name\":\"\\u0418\\u0432\\u0430\\u043d \\u041f\\u0435\\u0442\\u0440\\u043e\\u0432\"}"))
                .isEqualTo("{\"name\":\"" + ErrorMapper.REDACTED + "\"}");
    }

    @Test
    void textWithoutSecretsIsLeftAsItIsEscapesIncluded() {
        String text = "{\"message\":\"\\u041d\\u0435 100% &amp; %zz \\x \\u12 &#xZZ; \"}";

        assertThat(REDACTOR.apply(text)).isEqualTo(text);
    }
}
