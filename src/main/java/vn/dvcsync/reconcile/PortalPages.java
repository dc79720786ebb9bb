package vn.dvcsync.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.dvcsync.portal.PortalClient;
import vn.dvcsync.portal.PortalClient.DossierPage;

/**
 * The portal's dossiers of a period, in {@code MaHoSo} byte order, through {@code DanhSachHoSo} pages. The next
 * page is fetched on a background thread while the current one is consumed: at most one page ahead, so memory
 * holds two pages at most. A failure of a fetch is thrown by {@link #hasNext()}. Close it to stop the thread.
 */
final class PortalPages implements Iterator<ObjectNode>, AutoCloseable {

    private final PortalClient client;
    private final String from;
    private final String to;
    private final int pageSize;
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reconcile-portal-pages");
        t.setDaemon(true);
        return t;
    });
    private Future<DossierPage> ahead;
    private Iterator<ObjectNode> current = Collections.emptyIterator();
    private String lastSau;
    private long pages;

    PortalPages(PortalClient client, ReconcilePeriod period, int pageSize) {
        this.client = client;
        this.from = period.portalFrom();
        this.to = period.portalTo();
        this.pageSize = pageSize;
        this.ahead = fetch(null);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (ahead == null) {
                return false;
            }
            DossierPage page = await(ahead);
            pages++;
            ahead = null;
            if (!page.last()) {
                if (Objects.equals(page.sau(), lastSau)) {
                    throw new IllegalStateException(
                            "The portal's DanhSachHoSo did not move on after '" + lastSau + "'");
                }
                lastSau = page.sau();
                ahead = fetch(page.sau());
            }
            current = page.items().iterator();
        }
        return true;
    }

    @Override
    public ObjectNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Pages received so far. */
    long pages() {
        return pages;
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.cancel(true);
        }
        fetcher.shutdownNow();
    }

    private Future<DossierPage> fetch(String sau) {
        return fetcher.submit(() -> client.listDossiers(from, to, sau, pageSize));
    }

    private static DossierPage await(Future<DossierPage> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the portal's dossiers", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("The portal page fetch was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Cannot read the portal's dossiers: " + cause, cause);
        }
    }
}
