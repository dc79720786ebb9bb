package vn.dvcsync.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several gateway instances on one store ({@code dvcsync.cluster.*}). Their schedules live in the store
 * (Quartz's JDBC job store, clustered), so each one fires once across the instances.
 *
 * @param name            the scheduler's name, the same on every instance of one store (instances with another
 *                        name schedule on their own)
 * @param checkinInterval how often an instance tells the others it is alive; a schedule that fired on an
 *                        instance which then went silent is taken over after about this long
 */
@ConfigurationProperties("dvcsync.cluster")
public record ClusterProperties(
        @DefaultValue("dvc-sync-gateway") String name,
        @DefaultValue("7500ms") Duration checkinInterval) {}
