package vn.dvcsync.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery rules of the ledger ({@code dvcsync.ledger.*}).
 *
 * @param maxAttempts  failed pushes of one record version before it becomes a dead letter (FAILED)
 * @param retryDelay   how long a record that failed waits before a later run tries it again
 * @param lease        how long a claimed row is reserved for the instance that claimed it
 */
@ConfigurationProperties("dvcsync.ledger")
public record LedgerProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT1M") Duration retryDelay,
        @DefaultValue("PT5M") Duration lease) {}
