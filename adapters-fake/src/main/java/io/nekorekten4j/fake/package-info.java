/**
 * The in-memory adapter: {@link io.nekorekten4j.fake.NekorektenFake}, a
 * {@link io.nekorekten4j.ports.Nekorekten} with the service's semantics, for tests that must not
 * touch the network or need a key; with seeded demo data, a simulated quota, injectable faults and
 * a log of the calls it received.
 *
 * <h2>Semantics where the live service is not known</h2>
 * The reference ({@code nekorekten-api.md} §3) lists what nobody knows about the service. The fake
 * picks one rule for each, applies it everywhere, and the file {@code adapters-fake/SEMANTICS.md}
 * says the same at more length.
 * <ul>
 *   <li><b>Matching</b> is the domain's {@link io.nekorekten4j.domain.MatchRules}, applied to the
 *       unmasked stored report: phone by {@code digits()}; e-mail equal ignoring case; <b>name
 *       whole-word</b> — every word of the filter equals a word of the first or last name,
 *       ignoring case ({@code Иван} finds "Иван Петров", not "Иванка"); <b>site</b> — the filter
 *       {@linkplain io.nekorekten4j.domain.WebAddress#covers covers} the report's {@code siteUrl}
 *       <em>or</em> {@code facebookUrl} ({@code example.bg} covers {@code www.example.bg/shop}).
 *       A search returns exactly the reports {@code criteria.isSatisfiedBy(unmaskedReport)}
 *       accepts, found through indexes (phone digits, case-folded e-mail, name words, site
 *       prefixes): never a scan over all reports. {@code ALL} intersects the filters,
 *       {@code ONE_OF} unites them.</li>
 *   <li><b>Attribution</b>: each hit is {@code SearchHit.of(criteria, maskedReport)}, so a phone
 *       match is {@code CERTAIN} and an e-mail or name match {@code COMPATIBLE_WITH_MASK}, as a
 *       client of the live service would see it.</li>
 *   <li><b>Order and pages</b>: newest first (creation second, then filing order); pages of
 *       {@value io.nekorekten4j.domain.SearchResult#DEFAULT_PAGE_SIZE} selected by
 *       {@code SearchCriteria.page()}; {@code totalCount} is the number of all matching reports.
 *       A page past the end is empty with the true total.</li>
 *   <li><b>Masking</b> of reported people and of reporters in results: of each name word and of
 *       the e-mail's local part, the first ⌈n/2⌉ characters stay and each other character becomes
 *       one {@code *} ({@code Нели} → {@code Не**}, {@code Желязкова} → {@code Желяз****},
 *       {@code ivan@example.bg} → {@code iv**@example.bg}). Phones come back unmasked in E.164
 *       ({@code +359888123456}). Text, site and Facebook address are not masked.</li>
 *   <li><b>Reports</b>: {@code createdAt} is the fake's clock at the create, truncated to the
 *       second (the service shows seconds), as an {@code OffsetDateTime} in UTC; views and likes 0;
 *       the reporter ({@code user}) is the key's account: an id derived from the key by SHA-256,
 *       and invented names, masked the same way. Files come back with their id, name and a
 *       preview URL {@code <base>/files/<id>} (base: the service's, or the builder's
 *       {@code previewBaseUri}), as the HTTP adapter resolves the service's relative path.</li>
 *   <li><b>Ids</b>: 10 alphanumeric characters ({@code 6PpAbCdEfG}) from a
 *       {@link java.util.SplittableRandom} seeded by the builder: same seed and same calls, same
 *       ids. Report and file ids share the sequence.</li>
 *   <li><b>Writes</b>: {@code create} answers "Сигналът е добавен успешно." <em>with the new
 *       id</em> — the live service may not return it; {@code update} merges the given fields (a
 *       non-empty file list replaces the files) and answers with the id; a report is changed or
 *       deleted only through the key that filed it ({@code ForbiddenException}), an unknown id is
 *       {@code NotFoundException} (checked before ownership and before the body), an unknown file
 *       id or city id is {@code InvalidRequestException} naming {@code files} / {@code cityID}.
 *       Uploaded files are usable by every key.</li>
 *   <li><b>Cities</b>: Bulgaria's district centres and some large towns, София first with id 1.
 *       The ids are the fake's own, not the service's.</li>
 *   <li><b>Quota</b> (off unless {@code Builder.quota(plan)}): per key; every call costs one — a
 *       one-of search too; per minute a <b>sliding 60-second log</b> (a call is refused when
 *       {@code perMinute} calls were admitted in the last 60 s, with {@code retryAfter} = until
 *       the oldest leaves the window); per day the <b>calendar day in Europe/Sofia</b>
 *       ({@code resetsAt} = next Sofia midnight). Refused calls spend nothing.</li>
 *   <li><b>The order of checks</b> on a call: argument validation (nothing logged), refused key,
 *       refused IP, injected fault, quota, then the operation. Every call past validation is in
 *       {@link io.nekorekten4j.fake.NekorektenFake#calls()}, with its outcome.</li>
 * </ul>
 *
 * <h2>Thread safety and size</h2>
 * Reports sit behind one {@link java.util.concurrent.locks.ReentrantReadWriteLock}: searches run in
 * parallel, writes one at a time. Reports are stored as compact immutable records (ids and phones
 * as {@code long}s, repeated names shared), indexes as posting lists of {@code int} slots in bare
 * arrays, kept in newest-last order so a page is the tail of a list.
 *
 * <h2>Nullness</h2>
 * Every parameter and every return value in this package is non-null unless its Javadoc says
 * otherwise; a value that may be absent is an {@link java.util.Optional} (or an empty collection),
 * never {@code null}. A {@code null} argument fails with a {@link java.lang.NullPointerException}
 * naming the parameter, before the call is logged.
 */
package io.nekorekten4j.fake;
