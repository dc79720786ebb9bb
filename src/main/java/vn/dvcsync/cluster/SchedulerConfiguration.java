package vn.dvcsync.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Ordered;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schedules of {@code routes/*.camel.yaml} ({@code quartz://…}) on Quartz's JDBC job store in the
 * gateway's own store, clustered: every instance sharing the store runs the same routes, and each firing
 * goes to exactly one of them. A stateful schedule ({@code stateful=true}) never runs on two instances at
 * once; one that fired on an instance that died is recovered by another after
 * {@code dvcsync.cluster.checkin-interval}. The tables are created by Flyway ({@code V3__quartz_and_ledger_claims.sql}).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    /**
     * Applied after the starter's own customizer ({@code camel.component.quartz.*}). An instance without
     * schedules ({@code dvcsync.schedule.enabled=false}, as with {@code dvcsync.run-once}) does not start its
     * scheduler, so it never takes a firing it would not run.
     */
    @Bean
    ComponentCustomizer quartzOnTheStore(
            DataSource dataSource,
            ClusterProperties cluster,
            GatewayInstance instance,
            @Value("${dvcsync.schedule.enabled:true}") boolean schedules) {
        return ComponentCustomizer.builder(QuartzComponent.class)
                .withOrder(Ordered.LOWEST)
                .build(quartz -> {
                    // Quartz finds its connections by name in a JVM-wide registry: one name per scheduler
                    String connections = "dvcsync-store-" + cluster.name();
                    DBConnectionManager.getInstance()
                            .addConnectionProvider(connections, new StoreConnections(dataSource));
                    quartz.setPrefixInstanceName(false);
                    quartz.setProperties(properties(cluster, instance, connections));
                    quartz.setAutoStartScheduler(schedules);
                });
    }

    static Map<String, Object> properties(ClusterProperties cluster, GatewayInstance instance, String connections) {
        Map<String, Object> p = new HashMap<>();
        p.put("org.quartz.scheduler.instanceName", cluster.name());
        p.put("org.quartz.scheduler.instanceId", instance.id());
        // which instance fired each schedule last, for the admins' page (FiringLog)
        p.put("org.quartz.triggerListener.firings.class", FiringLog.class.getName());
        p.put("org.quartz.triggerListener.firings.connections", connections);
        p.put("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.put("org.quartz.threadPool.threadCount", "3");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.put("org.quartz.jobStore.dataSource", connections);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put(
                "org.quartz.jobStore.clusterCheckinInterval",
                String.valueOf(cluster.checkinInterval().toMillis()));
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // a firing more than 2 s late (its schedule blocked by a long run, or every instance down) is not
        // caught up firing after firing: the schedule goes on from its next time (a cron fires once now)
        p.put("org.quartz.jobStore.misfireThreshold", "2000");
        return p;
    }

    /** The store's connection pool, as Quartz asks for connections. */
    private record StoreConnections(DataSource dataSource) implements ConnectionProvider {

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to Spring
        }

        @Override
        public void initialize() {}
    }
}
