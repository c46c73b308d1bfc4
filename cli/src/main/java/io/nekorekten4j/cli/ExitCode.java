package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;

/**
 * The documented exit codes of {@code nekorekten}, and which failure gives which. Shell scripts
 * branch on these, so they never change meaning.
 */
final class ExitCode {

    /** Done; for {@code search} and {@code screen} also "nothing found", or found without {@code --fail-on-match}. */
    static final int OK = 0;
    /** Reports were found, and {@code --fail-on-match} asked to say so in the exit code. */
    static final int FOUND = 1;
    /** Bad options or arguments, a file that cannot be read (the key file, the CSV file), a port in use. */
    static final int USAGE = 2;
    /** Invalid input: refused before any request, or by the service (400/422), or no such report (404). */
    static final int VALIDATION = 3;
    /** The key was refused (401), or used from an IP not on its whitelist, or may not do this (403). */
    static final int KEY_REFUSED = 4;
    /** Rate limited (429), the plan's daily quota spent, or no quota permit within the wait allowed. */
    static final int RATE_LIMITED = 5;
    /** The service is unavailable (5xx), or no usable answer came (connection, timeout, bad body, circuit open). */
    static final int UNAVAILABLE = 6;
    /**
     * No API key (neither {@code NEKOREKTEN_API_KEY} nor {@code --api-key-file}) and no {@code --demo}:
     * nothing was asked, nothing was filed.
     */
    static final int NO_KEY = 7;
    /**
     * {@code screen --csv}: some rows were invalid (a bad phone, a broken line) and are marked so in the
     * output; every other row was screened.
     */
    static final int PARTIAL = 8;
    /** A failure the program did not expect: a bug. */
    static final int INTERNAL = 70;
    /** Stopped by Ctrl-C (SIGINT): the JVM's 128 + 2. What was written stays, and a summary is printed. */
    static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM ({@code kill}): the JVM's 128 + 15. What was written stays, and a summary is printed. */
    static final int TERMINATED = 143;

    /** The table printed at the end of every {@code --help}. */
    static final String[] HELP_FOOTER = {
        "",
        "Exit codes:",
        "  0   done (also: nothing found)",
        "  1   reports found - only with --fail-on-match, for shell pipelines",
        "  2   usage: bad options or arguments, an unreadable file, a port in use",
        "  3   validation: bad input (checked before any request), refused by the",
        "      service as invalid (400/422), or no such report (404)",
        "  4   the API key was refused (401), or is used from an IP not on its",
        "      whitelist, or may not do this (403)",
        "  5   rate limited (429), daily quota spent, or no quota permit in time",
        "  6   service unavailable (5xx), or no usable answer (connection failed,",
        "      timeout, unreadable answer, circuit open)",
        "  7   no API key (NEKOREKTEN_API_KEY or --api-key-file) and no --demo:",
        "      nothing was checked, nothing was filed",
        "  8   screen --csv: some rows were invalid (marked INVALID in the output),",
        "      every other row was screened",
        "  70  internal error (a bug)",
        "  130 stopped by Ctrl-C, 143 by SIGTERM: rows written so far are kept",
        "      and a summary is printed; continue with screen --resume",
        "A screening with any buyer NOT CHECKED exits with that failure's code",
        "(3-6), never 0; it wins over 8, which wins over 1.",
    };

    private ExitCode() {
    }

    /** The exit code of a failure thrown by a command. */
    static int of(Throwable failure) {
        if (failure instanceof ValidationException || failure instanceof InvalidRequestException
                || failure instanceof NotFoundException) {
            return VALIDATION;
        }
        if (failure instanceof InvalidApiKeyException || failure instanceof IpNotWhitelistedException
                || failure instanceof ForbiddenException) {
            return KEY_REFUSED;
        }
        if (failure instanceof RateLimitedException || failure instanceof QuotaExhaustedException
                || failure instanceof RateLimitWaitExceededException) {
            return RATE_LIMITED;
        }
        if (failure instanceof NekorektenException) {
            // ServiceUnavailableException and every other NoUsableAnswerException: try again later.
            return UNAVAILABLE;
        }
        if (failure instanceof NoKeyException) {
            return NO_KEY;
        }
        if (failure instanceof UsageException) {
            return USAGE;
        }
        return INTERNAL;
    }
}
