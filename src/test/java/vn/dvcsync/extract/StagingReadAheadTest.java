package vn.dvcsync.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvcsync.applicant.ApplicantQueue;
import vn.dvcsync.canonical.Dossier;
import vn.dvcsync.canonical.Watermark;
import vn.dvcsync.city.CityProperties;
import vn.dvcsync.city.CityReader;
import vn.dvcsync.kernel.ProvinceProperties;
import vn.dvcsync.kernel.RunCounters;
import vn.dvcsync.ledger.Ledger;
import vn.dvcsync.ledger.LedgerEntry;
import vn.dvcsync.ledger.Watermarks;
import vn.dvcsync.mapping.PortalMapping;
import vn.dvcsync.mapping.PortalRules;
import vn.dvcsync.support.Stopping;

/**
 * Staging reads the next city page while it writes the current one: the pages still reach the ledger in the city's
 * order with the watermark after each, and a page read ahead of a failed write is read again, so a row the city
 * changed meanwhile is staged as it is now.
 */
class StagingReadAheadTest {

    private static final String RUN = "run-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    private final CityReader reader = mock(CityReader.class);
    private final PortalMapping mapping = mock(PortalMapping.class);
    private final Ledger ledger = mock(Ledger.class);
    private final Watermarks watermarks = mock(Watermarks.class);
    private final TransactionTemplate tx = mock(TransactionTemplate.class);
    private final List<String> staged = new CopyOnWriteArrayList<>();
    private final List<Watermark> advanced = new CopyOnWriteArrayList<>();
    private Staging staging;

    @BeforeEach
    void staging() {
        when(mapping.dossier(any())).thenAnswer(inv -> {
            Dossier d = inv.getArgument(0);
            return JSON.createObjectNode().put("MaHoSo", d.code()).put("TrichYeuHoSo", d.summary());
        });
        when(tx.execute(any())).thenAnswer(inv -> ((TransactionCallback<?>) inv.getArgument(0)).doInTransaction(null));
        when(reader.readSteps(any())).thenReturn(new CityReader.Steps(Map.of(), List.of()));
        doAnswer(inv -> advanced.add(inv.getArgument(1))).when(watermarks).advance(anyString(), any());
        staging = new Staging(
                reader,
                mapping,
                mock(PortalRules.class),
                ledger,
                watermarks,
                mock(ApplicantQueue.class),
                tx,
                new CityProperties(null, 2, java.time.Duration.ZERO),
                new ProvinceProperties("H26", (ProvinceProperties.Portal) null),
                mock(RunCounters.class),
                JSON,
                mock(Stopping.class));
    }

    @AfterEach
    void stop() {
        staging.stopReadingAhead();
    }

    private static Dossier dossier(long id, String summary) {
        return new Dossier(
                id,
                "HS-" + id,
                "1.000",
                null,
                null,
                null,
                "U1",
                null,
                null,
                summary,
                null,
                "1",
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                false,
                T0.plusMinutes(id));
    }

    private static CityReader.Page page(Dossier... rows) {
        Dossier last = rows[rows.length - 1];
        return new CityReader.Page(List.of(rows), List.of(), new Watermark(last.updatedAt(), last.id()), rows.length);
    }

    @Test
    void theNextPageIsReadWhileThisOneIsWrittenAndThePagesLandInOrder() throws Exception {
        CityReader.Page first = page(dossier(1, "a"), dossier(2, "b"));
        CityReader.Page second = page(dossier(3, "c"));
        CountDownLatch secondRead = new CountDownLatch(1);
        when(reader.read(eq(Watermark.START), eq(2))).thenReturn(first);
        when(reader.read(eq(first.last()), eq(2))).thenAnswer(inv -> {
            secondRead.countDown();
            return second;
        });
        AtomicBoolean overlapped = new AtomicBoolean();
        when(ledger.stage(anyList(), eq(RUN))).thenAnswer(inv -> {
            List<LedgerEntry> entries = inv.getArgument(0);
            if (staged.isEmpty()) {
                // the first page's write: the second page is being read meanwhile
                overlapped.set(secondRead.await(10, TimeUnit.SECONDS));
            }
            entries.forEach(e -> staged.add(e.recordKey()));
            return entries.size();
        });

        Watermark next = staging.stagePage(Watermark.START, RUN);
        Watermark end = staging.stagePage(next, RUN);

        assertThat(overlapped)
                .as("the second page was read while the first was written")
                .isTrue();
        assertThat(next).isEqualTo(first.last());
        assertThat(end).as("a short page is the last").isNull();
        assertThat(staged).containsExactly("HS-1", "HS-2", "HS-3");
        assertThat(advanced).containsExactly(first.last(), second.last());
    }

    @Test
    void aPageReadAheadOfAFailedWriteIsReadAgainAsTheCityHoldsItNow() {
        CityReader.Page first = page(dossier(1, "a"), dossier(2, "b"));
        when(reader.read(eq(Watermark.START), eq(2))).thenReturn(first);
        AtomicReference<String> cityHolds = new AtomicReference<>("before");
        when(reader.read(eq(first.last()), eq(2))).thenAnswer(inv -> page(dossier(3, cityHolds.get())));
        AtomicBoolean failOnce = new AtomicBoolean(true);
        when(ledger.stage(anyList(), eq(RUN))).thenAnswer(inv -> {
            if (failOnce.getAndSet(false)) {
                throw new IllegalStateException("the store is unreachable");
            }
            List<LedgerEntry> entries = inv.getArgument(0);
            entries.forEach(e -> staged.add(e.payload()));
            return entries.size();
        });

        assertThatThrownBy(() -> staging.stagePage(Watermark.START, RUN)).hasMessageContaining("unreachable");
        assertThat(advanced).as("nothing staged: the watermark stays").isEmpty();
        // the run tries again from the same place; the city changed dossier 3 in between
        cityHolds.set("after");
        Watermark next = staging.stagePage(Watermark.START, RUN);
        staging.stagePage(next, RUN);

        assertThat(staged).hasSize(3).last().asString().contains("\"TrichYeuHoSo\":\"after\"");
        assertThat(advanced).hasSize(2);
    }
}
