package io.nekorekten4j.fakeserver;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ServiceFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query of {@code GET /api/v1/reports} read into {@link SearchCriteria}: {@code phone},
 * {@code email}, {@code name}, {@code siteUrl}, {@code searchMode} ({@code all}, the default, or
 * {@code one-of}) and {@code page} (from 1; not documented by the service, see the reference §2).
 * A blank filter counts as absent; other parameters are ignored. Each value is parsed by the
 * domain, so the server accepts exactly what the client library accepts (the phone in any written
 * form, {@code 359…} digits included).
 */
final class SearchQuery {

    private static final int MAX_PAGE_DIGITS = 9;

    private SearchQuery() {
    }

    /**
     * The criteria {@code query} asks for.
     *
     * @throws ValidationException listing every problem, each under its parameter's name
     *                             ({@code criteria} when no filter is given)
     */
    static SearchCriteria criteria(Map<String, List<String>> query) {
        List<Violation> problems = new ArrayList<>();
        SearchCriteria.Builder b = SearchCriteria.builder()
                .phone(nonBlank(Query.first(query, SearchField.PHONE.parameter())))
                .email(nonBlank(Query.first(query, SearchField.EMAIL.parameter())))
                .name(nonBlank(Query.first(query, SearchField.NAME.parameter())))
                .site(nonBlank(Query.first(query, SearchField.SITE.parameter())));
        String mode = nonBlank(Query.first(query, ServiceFacts.SEARCH_MODE_PARAMETER));
        if (mode != null) {
            try {
                b.mode(SearchMode.ofWireValue(mode.strip()));
            } catch (ValidationException e) {
                problems.addAll(e.violations());
            }
        }
        String page = nonBlank(Query.first(query, ServiceFacts.PAGE_PARAMETER));
        if (page != null) {
            String digits = page.strip();
            if (digits.length() > MAX_PAGE_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                problems.add(new Violation(ServiceFacts.PAGE_PARAMETER, "the page must be a whole number from 1"));
            } else {
                b.page(Integer.parseInt(digits));
            }
        }
        try {
            SearchCriteria criteria = b.build();
            if (problems.isEmpty()) {
                return criteria;
            }
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        throw new ValidationException(problems);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
