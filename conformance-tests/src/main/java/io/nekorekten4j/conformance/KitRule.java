package io.nekorekten4j.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable id of a rule of the kit and the DESIGN.md behaviour it proves. Every rule (test
 * method) of a contract carries one; the id shows in the test's display name
 * ({@code K-CITIES-01 required_cities_listIsNotEmpty()}) and in the untested-rules summary, and
 * {@code docs/kit-rules.md} maps each id to its rule and behaviour. A build test fails when two
 * rules share an id, a rule lacks one, or that document is out of date.
 *
 * <p>An id is {@code K-<AREA>-<NN>}: the area of its contract ({@code SEARCH}, {@code WRITE},
 * {@code FILES}, {@code CITIES}, {@code VALID}, {@code FAIL}, {@code SCREEN}, {@code SAFE},
 * {@code OPTIONS}) and a number. Ids are <b>never reused</b>: a rule that is removed leaves its id
 * retired (listed in the document), a new rule takes the next free number, and a rule that is
 * renamed or reworded keeps its id, so a failure report naming an id means the same rule in every
 * release.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface KitRule {

    /** The id, e.g. {@code K-SEARCH-03}. */
    String id();

    /** The DESIGN.md behaviours the rule proves, the main one first. */
    Behaviour[] proves();
}
