package io.nekorekten4j.bench;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/reports} as a user would bind it by hand with JSON-B: public
 * fields of plain Java types for the values of a known shape, {@link JsonValue} for those whose
 * shape the service does not document ({@code city}, {@code parent}, {@code files}). It is the
 * raw baselines' target type — what a hand-written snippet of HttpClient + Yasson decodes into —
 * and deliberately not the adapter's own wire DTOs, which are its package-private secret. It maps
 * the same fields the client reads (the service's other fields are skipped by Yasson, as by the
 * client), so both sides bind the same data; it does none of the client's checks (depth, overflow,
 * nulls) and builds no domain objects.
 */
public class HandWrittenSearchAnswer {

    /** The service's message, usually {@code null}. */
    public String message;
    /** This page's reports. */
    public List<Report> items;
    /** How many reports match. */
    public int count;
    /** This page's number, from 1. */
    public int currentPage;
    /** The page size. */
    public int itemsPerPage;
    /** The {@code server} block. */
    public Server server;

    /** One report ({@code items[]} or a reply in {@code children}). */
    public static class Report {
        /** The report's id. */
        public String id;
        /** First name of the reported person, masked. */
        public String firstName;
        /** Last name of the reported person, masked. */
        public String lastName;
        /** E-mail of the reported person, masked. */
        public String email;
        /** Phone of the reported person, {@code +359…}. */
        public String phone;
        /** What happened. */
        public String text;
        /** Facebook address. */
        public String facebookUrl;
        /** Web site. */
        public String siteUrl;
        /** The account that filed the report. */
        public User user;
        /** The city, shape undocumented. */
        public JsonValue city;
        /** The report this one replies to, shape undocumented. */
        public JsonValue parent;
        /** Replies, reports of this shape. */
        public List<Report> children;
        /** Attached files, shape undocumented. */
        public JsonValue files;
        /** When it was filed, ISO-8601 with an offset, kept as text. */
        public String createDate;
        /** View count. */
        public int views;
        /** Like count. */
        public int liked;
    }

    /** The {@code user} of a report: the account that filed it. */
    public static class User {
        /** The account's id. */
        public String id;
        /** First name. */
        public String firstName;
        /** Last name. */
        public String lastName;
        /** E-mail, masked. */
        public String email;
    }

    /** The {@code server} block of an answer. */
    public static class Server {
        /** {@code yyyy-MM-dd HH:mm:ss}, Sofia time, kept as text. */
        public String date;
        /** The status the service meant. */
        public int httpCode;
    }
}
