package vn.dvcsync.ledger;

import java.time.Instant;

/**
 * A ledger row claimed for a push.
 *
 * @param deliveredBefore an earlier version of this record is on the portal: send it as an update
 * @param uncertain       this version was handed to the portal before without its answer being recorded
 *                        (a crash, a time-out, a failed attempt): the portal may hold it already
 * @param uncertainSince  for an uncertain row, when it was claimed (or its attempt failed) without its answer being
 *                        recorded; null otherwise
 */
public record Claimed(
        long id,
        String recordKey,
        long version,
        String parentKey,
        String payload,
        int attempts,
        boolean deliveredBefore,
        boolean uncertain,
        Instant uncertainSince) {}
