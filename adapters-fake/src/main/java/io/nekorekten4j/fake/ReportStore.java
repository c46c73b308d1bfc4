package io.nekorekten4j.fake;

import io.nekorekten4j.domain.Email;
import io.nekorekten4j.domain.PersonName;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.WebAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * The fake's reports and their indexes. A search reads only the posting lists of its filters'
 * keys, never all reports.
 *
 * <p><b>Indexes</b>, one per filter, each <em>exact</em> for the domain's {@code MatchRules}
 * applied to the unmasked report, so that a search finds exactly the reports
 * {@code criteria.isSatisfiedBy(unmaskedReport)} accepts:
 * <ul>
 *   <li>phone: by {@code digits()} as a number — {@code MatchRules} compares phones by digits;</li>
 *   <li>e-mail: by the address case-folded code point by code point
 *       ({@code toLowerCase(toUpperCase(c))}), which equals exactly when {@code equalsIgnoreCase}
 *       does. An e-mail that itself contains {@code *} (legal in a mailbox name) is read by
 *       {@code MatchRules} as a mask pattern; such reports sit in a side list and each is checked
 *       with {@code MatchRules} itself;</li>
 *   <li>name: by each lower-case word ({@code PersonName.tokens}) of the first and last name; a
 *       search intersects the lists of its words — the whole-word rule;</li>
 *   <li>site: a filter {@code N} {@linkplain WebAddress#covers covers} an address {@code T} exactly
 *       when {@code N} is {@code T} or a prefix of {@code T} cut just before a {@code /} or {@code ?};
 *       every such prefix of the site and of the Facebook address is a key.</li>
 * </ul>
 * {@code ALL} intersects the filters' lists, {@code ONE_OF} unites them.
 *
 * <p><b>Order and pages</b>: lists are sorted oldest first by (creation second, slot), so the newest
 * page is read from their tails; see {@link Postings}.
 *
 * <p><b>Thread safety</b>: one {@link ReentrantReadWriteLock}. Searches share the read lock and run
 * in parallel; writes take the write lock. The posting lists are plain arrays changed in place:
 * copy-on-write would copy a long list per write, and concurrent maps would not make a change of
 * several indexes atomic. Reports are immutable, so a page can be rendered after the lock is
 * released.
 */
final class ReportStore {

    private static final int INITIAL_CAPACITY = 1024;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final LongAdder postingsRead = new LongAdder();

    private StoredReport[] slots;
    private long[] time;
    private int nextSlot;
    private final LongMap<StoredReport> byId = new LongMap<>();
    private final LongMap<int[]> byPhone = new LongMap<>();
    private final Map<String, int[]> byEmail = new HashMap<>();
    private final Map<String, int[]> byNameWord = new HashMap<>();
    private final Map<String, int[]> bySite = new HashMap<>();
    private int[] starredEmails = Postings.EMPTY;
    // Names repeat (many Иван, many Петров): one String per distinct name, shared by its reports.
    private final Map<String, String> names = new HashMap<>();

    /** An empty store. */
    ReportStore() {
        clear();
    }

    /** The page of a search and the number of all the reports it found. */
    record Page(List<StoredReport> reports, int total) {
    }

    /** What became of a change asked for by id. */
    enum Change {
        /** Done. */
        DONE,
        /** No report has the id. */
        NOT_FOUND,
        /** The report belongs to another account. */
        FORBIDDEN
    }

    /**
     * Stores the report {@code build} makes from a fresh id drawn from {@code ids} (drawn again
     * while taken), and returns it as stored.
     */
    StoredReport insert(Ids ids, LongFunction<StoredReport> build) {
        lock.writeLock().lock();
        try {
            long id;
            do {
                id = ids.next();
            } while (byId.containsKey(id));
            StoredReport report = intern(build.apply(id)).inSlot(nextSlot);
            if (report.id() != id) {
                throw new IllegalStateException("the report must carry the id it was built with");
            }
            ensureCapacity(nextSlot + 1);
            slots[nextSlot] = report;
            time[nextSlot] = report.createdAt();
            nextSlot++;
            byId.put(id, report);
            index(report);
            return report;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The report with id {@code id}. */
    Optional<StoredReport> find(long id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Replaces report {@code id} by {@code change} of it, when {@code by} filed it. */
    Change update(long id, Account by, UnaryOperator<StoredReport> change) {
        lock.writeLock().lock();
        try {
            StoredReport old = byId.get(id);
            if (old == null) {
                return Change.NOT_FOUND;
            }
            if (!old.ownedBy(by)) {
                return Change.FORBIDDEN;
            }
            StoredReport updated = intern(change.apply(old));
            if (updated.id() != old.id() || updated.slot() != old.slot() || updated.createdAt() != old.createdAt()) {
                throw new IllegalStateException("an update keeps the id, the slot and the creation time");
            }
            unindex(old);
            slots[old.slot()] = updated;
            byId.put(id, updated);
            index(updated);
            return Change.DONE;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Deletes report {@code id}, when {@code by} filed it. */
    Change delete(long id, Account by) {
        lock.writeLock().lock();
        try {
            StoredReport old = byId.get(id);
            if (old == null) {
                return Change.NOT_FOUND;
            }
            if (!old.ownedBy(by)) {
                return Change.FORBIDDEN;
            }
            unindex(old);
            slots[old.slot()] = null;
            byId.remove(id);
            return Change.DONE;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many reports are stored. */
    int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes every report. */
    void clear() {
        lock.writeLock().lock();
        try {
            slots = new StoredReport[INITIAL_CAPACITY];
            time = new long[INITIAL_CAPACITY];
            nextSlot = 0;
            byId.clear();
            byPhone.clear();
            byEmail.clear();
            byNameWord.clear();
            bySite.clear();
            starredEmails = Postings.EMPTY;
            names.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * How many posting-list entries searches have read so far: the work a search does, which
     * grows with the reports it finds, not with the reports stored. For tests.
     */
    long postingsRead() {
        return postingsRead.sum();
    }

    /**
     * The page {@code criteria.page()} of the reports {@code criteria} finds, newest first.
     */
    Page search(SearchCriteria criteria, int pageSize) {
        lock.readLock().lock();
        try {
            int[] found = find(criteria);
            int total = Postings.size(found);
            long offset = (long) (criteria.page() - 1) * pageSize;
            List<StoredReport> page = new ArrayList<>((int) Math.max(0, Math.min(pageSize, total - offset)));
            for (long k = offset; k < total && k < offset + pageSize; k++) {
                page.add(slots[Postings.get(found, total - 1 - (int) k)]);
            }
            return new Page(page, total);
        } finally {
            lock.readLock().unlock();
        }
    }

    private int[] find(SearchCriteria criteria) {
        List<int[]> perFilter = new ArrayList<>(4);
        criteria.phone().ifPresent(p -> perFilter.add(read(byPhone.get(Long.parseLong(p.digits())))));
        criteria.email().ifPresent(e -> perFilter.add(emailMatches(e)));
        criteria.name().ifPresent(n -> perFilter.add(nameMatches(n)));
        criteria.site().ifPresent(s -> perFilter.add(read(bySite.get(s.normalised()))));
        if (criteria.mode() == SearchMode.ALL) {
            // Smallest first: an intersection costs about the size of its smaller list.
            perFilter.sort(Comparator.comparingInt(Postings::size));
        }
        int[] found = perFilter.get(0);
        for (int i = 1; i < perFilter.size(); i++) {
            found = criteria.mode() == SearchMode.ALL
                    ? Postings.intersect(found, perFilter.get(i), time)
                    : Postings.union(found, perFilter.get(i), time);
        }
        return found;
    }

    private int[] emailMatches(Email filter) {
        int[] exact = read(byEmail.get(emailKey(filter.value())));
        if (Postings.size(starredEmails) == 0) {
            return exact;
        }
        // The rare e-mails containing '*': MatchRules reads them as masks, so ask MatchRules.
        SearchCriteria byEmailOnly = SearchCriteria.builder().email(filter).build();
        int[] starred = read(starredEmails);
        int[] fitting = new int[Postings.size(starred) + 1];
        int n = 0;
        for (int i = 0; i < Postings.size(starred); i++) {
            StoredReport r = slots[Postings.get(starred, i)];
            Report unmasked = Report.builder().id(ReportId.of(Ids.encode(r.id()))).email(r.email()).build();
            if (byEmailOnly.isSatisfiedBy(unmasked)) {
                fitting[++n] = r.slot();
            }
        }
        fitting[0] = n;
        return Postings.union(exact, fitting, time);
    }

    private int[] nameMatches(PersonName filter) {
        Set<String> words = new LinkedHashSet<>(filter.tokens());
        List<int[]> lists = new ArrayList<>(words.size());
        for (String word : words) {
            int[] list = read(byNameWord.get(word));
            if (Postings.size(list) == 0) {
                return Postings.EMPTY;
            }
            lists.add(list);
        }
        lists.sort(Comparator.comparingInt(Postings::size));
        int[] found = lists.get(0);
        for (int i = 1; i < lists.size(); i++) {
            found = Postings.intersect(found, lists.get(i), time);
        }
        return found;
    }

    private int[] read(int[] list) {
        if (list == null) {
            return Postings.EMPTY;
        }
        postingsRead.add(Postings.size(list));
        return list;
    }

    private void index(StoredReport r) {
        int slot = r.slot();
        if (r.phone() != 0) {
            byPhone.put(r.phone(), Postings.add(orEmpty(byPhone.get(r.phone())), slot, time));
        }
        if (r.email() != null) {
            if (r.email().indexOf('*') >= 0) {
                starredEmails = Postings.add(starredEmails, slot, time);
            } else {
                byEmail.compute(emailKey(r.email()), (k, list) -> Postings.add(orEmpty(list), slot, time));
            }
        }
        for (String word : nameWords(r)) {
            byNameWord.compute(word, (k, list) -> Postings.add(orEmpty(list), slot, time));
        }
        for (String key : siteKeys(r)) {
            bySite.compute(key, (k, list) -> Postings.add(orEmpty(list), slot, time));
        }
    }

    private void unindex(StoredReport r) {
        int slot = r.slot();
        if (r.phone() != 0) {
            int[] left = Postings.remove(orEmpty(byPhone.get(r.phone())), slot, time);
            if (Postings.size(left) == 0) {
                byPhone.remove(r.phone());
            } else {
                byPhone.put(r.phone(), left);
            }
        }
        if (r.email() != null) {
            if (r.email().indexOf('*') >= 0) {
                starredEmails = Postings.remove(starredEmails, slot, time);
            } else {
                removeFrom(byEmail, emailKey(r.email()), slot);
            }
        }
        for (String word : nameWords(r)) {
            removeFrom(byNameWord, word, slot);
        }
        for (String key : siteKeys(r)) {
            removeFrom(bySite, key, slot);
        }
    }

    private void removeFrom(Map<String, int[]> index, String key, int slot) {
        index.computeIfPresent(key, (k, list) -> {
            int[] left = Postings.remove(list, slot, time);
            return Postings.size(left) == 0 ? null : left;
        });
    }

    private StoredReport intern(StoredReport r) {
        String first = r.firstName() == null ? null : names.computeIfAbsent(r.firstName(), n -> n);
        String last = r.lastName() == null ? null : names.computeIfAbsent(r.lastName(), n -> n);
        if (first == r.firstName() && last == r.lastName()) {
            return r;
        }
        return new StoredReport(r.id(), r.slot(), r.createdAt(), r.text(), r.phone(), r.email(), first, last,
                r.siteUrl(), r.facebookUrl(), r.cityId(), r.files(), r.owner());
    }

    private void ensureCapacity(int needed) {
        if (needed > slots.length) {
            int capacity = Math.max(needed, slots.length + (slots.length >> 1));
            slots = Arrays.copyOf(slots, capacity);
            time = Arrays.copyOf(time, capacity);
        }
    }

    private static int[] orEmpty(int[] list) {
        return list == null ? Postings.EMPTY : list;
    }

    /** The index key of an e-mail: equal for two e-mails exactly when {@code equalsIgnoreCase} says so. */
    static String emailKey(String email) {
        StringBuilder folded = null;
        for (int i = 0; i < email.length(); ) {
            int cp = email.codePointAt(i);
            int fold = Character.toLowerCase(Character.toUpperCase(cp));
            if (fold != cp && folded == null) {
                folded = new StringBuilder(email.length()).append(email, 0, i);
            }
            if (folded != null) {
                folded.appendCodePoint(fold);
            }
            i += Character.charCount(cp);
        }
        return folded == null ? email : folded.toString();
    }

    /** The distinct words of a report's names, as name filters are matched. */
    static Set<String> nameWords(StoredReport r) {
        Set<String> words = new LinkedHashSet<>();
        if (r.firstName() != null) {
            words.addAll(PersonName.tokens(r.firstName()));
        }
        if (r.lastName() != null) {
            words.addAll(PersonName.tokens(r.lastName()));
        }
        return words;
    }

    /** Every site filter that covers the report's site or Facebook address, normalised. */
    static Set<String> siteKeys(StoredReport r) {
        Set<String> keys = new LinkedHashSet<>();
        addSiteKeys(r.siteUrl(), keys);
        addSiteKeys(r.facebookUrl(), keys);
        return keys;
    }

    private static void addSiteKeys(String address, Set<String> keys) {
        if (address == null || !WebAddress.isValid(address)) {
            return;
        }
        String normalised = WebAddress.parse(address).normalised();
        for (int i = 1; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == '/' || c == '?') {
                keys.add(normalised.substring(0, i));
            }
        }
        keys.add(normalised);
    }
}
