/**
 * The officials' web console: server-rendered pages (Thymeleaf) behind the web login, Vietnamese by default with an
 * English switch ({@code ?lang=en}), readable without JavaScript; htmx and Chart.js from webjars only improve them.
 * The controllers are thin: what they show comes from the report package ({@code ReportService},
 * {@code MismatchStore}, {@code MismatchViews}) and the index estimates, asked for the user logged in.
 */
package vn.dvcsync.console;
