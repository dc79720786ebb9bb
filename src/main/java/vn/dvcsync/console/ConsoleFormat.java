package vn.dvcsync.console;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Vietnam;

/**
 * How the pages write dates and numbers, in either language: Vietnam time as {@code dd/MM/yyyy HH:mm}, numbers in
 * Vietnamese form ({@code 1.234.567}, {@code 0,432}), points with at most three decimals. Templates call it as
 * {@code ${@consoleFormat.date(…)}}.
 */
@Component("consoleFormat")
public class ConsoleFormat {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DecimalFormatSymbols VIETNAMESE =
            DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));

    /** {@code dd/MM/yyyy HH:mm} in Vietnam time; empty for none. */
    public String date(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(Vietnam.ZONE).format(DATE_TIME);
    }

    /** A count: {@code 12.345}. */
    public String count(long n) {
        return pattern("#,##0").format(n);
    }

    /** Index points, at most three decimals: {@code 0,432}, {@code 12,5}; a dash for none. */
    public String points(Double p) {
        return p == null ? "–" : pattern("#,##0.###").format(p);
    }

    /** A share of 1 as a percentage, one decimal: {@code 93,4 %}. */
    public String percent(Double share) {
        return share == null ? "–" : pattern("#,##0.#").format(share * 100) + " %";
    }

    /** The portal's view less the city's, signed: {@code +0,5}, {@code −1,25}; a dash when either is missing. */
    public String difference(Double city, Double portal) {
        if (city == null || portal == null) {
            return "–";
        }
        double d = portal - city;
        String s = pattern("#,##0.###").format(Math.abs(d));
        return d > 0.0005 ? "+" + s : d < -0.0005 ? "−" + s : "0";
    }

    /** A number for a script to read (a chart): plain, dot decimal. */
    public String raw(Double d) {
        return d == null ? "" : Double.toString(Math.round(d * 1000) / 1000.0);
    }

    private static DecimalFormat pattern(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, VIETNAMESE);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
