package vn.dvcsync.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records, as a schedule fires, which instance fired it ({@code schedule_firing}: one row per trigger, the last
 * firing), so that every instance can say which one it was. Quartz makes it from its properties
 * ({@code org.quartz.triggerListener.firings.*}, see {@link SchedulerConfiguration}) and it writes through the
 * scheduler's own connections. A firing it cannot record still runs.
 */
public class FiringLog extends TriggerListenerSupport {

    private static final Logger log = LoggerFactory.getLogger(FiringLog.class);

    private String connections;

    /** The name of the scheduler's connections in Quartz's registry. */
    public void setConnections(String connections) {
        this.connections = connections;
    }

    @Override
    public String getName() {
        return "dvcsync-firings";
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        try (Connection c = DBConnectionManager.getInstance().getConnection(connections);
                PreparedStatement s = c.prepareStatement("""
                        insert into schedule_firing (trigger_name, instance_id, fired_at) values (?, ?, ?)
                        on conflict (trigger_name) do update
                        set instance_id = excluded.instance_id, fired_at = excluded.fired_at
                        """)) {
            s.setString(1, trigger.getKey().toString());
            s.setString(2, context.getScheduler().getSchedulerInstanceId());
            s.setTimestamp(3, new Timestamp(context.getFireTime().getTime()));
            s.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException | SchedulerException e) {
            log.warn("The firing of {} was not recorded: {}", trigger.getKey(), e.toString());
        }
    }
}
