package vn.dvcsync.cluster;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.dvcsync.kernel.Vietnam;

/**
 * The schedules of {@code routes/*.camel.yaml} (the Quartz triggers of group {@value #GROUP}: {@code incremental},
 * {@code nightly}) as they stand in the store, shared by every instance: previous and next firing in Vietnam time,
 * paused or not, which instance fired last. Pausing one pauses it on every instance (the store holds its state) until
 * it is resumed; one that missed its time while paused fires once when resumed, then keeps to its times.
 */
@Component
public class Schedules {

    /** The trigger group of the gateway's schedules. */
    public static final String GROUP = "dvcsync";

    /**
     * One schedule.
     *
     * @param name          {@code incremental} or {@code nightly}: the run type it starts
     * @param cron          its Quartz cron (Vietnam time), or null for a schedule every {@code intervalMillis}
     * @param paused        whether it is paused (on every instance)
     * @param previousFire  when it fired last, null before it ever did
     * @param nextFire      when it is due next (while paused: when it would have been)
     * @param lastFiredBy   the instance that fired it last, as {@link GatewayInstance} names it, or null
     */
    public record Schedule(
            String name,
            String cron,
            Long intervalMillis,
            boolean paused,
            OffsetDateTime previousFire,
            OffsetDateTime nextFire,
            String lastFiredBy) {}

    /** A schedule the store does not hold (schedules off on every instance, or no such name). */
    public static class UnknownScheduleException extends RuntimeException {
        public UnknownScheduleException(String name) {
            super("No schedule '" + name + "' (the schedules are incremental and nightly; with "
                    + "dvcsync.schedule.enabled=false on every instance none is in the store)");
        }
    }

    private final CamelContext camel;
    private final JdbcTemplate jdbc;

    Schedules(CamelContext camel, JdbcTemplate jdbc) {
        this.camel = camel;
        this.jdbc = jdbc;
    }

    /** Every schedule in the store, by name. */
    public List<Schedule> list() {
        Scheduler scheduler = scheduler();
        if (scheduler == null) {
            return List.of();
        }
        Map<String, String> firedBy = jdbc
                .queryForList(
                        "select trigger_name, instance_id from schedule_firing where trigger_name like ?", GROUP + ".%")
                .stream()
                .collect(Collectors.toMap(r -> (String) r.get("trigger_name"), r -> (String) r.get("instance_id")));
        try {
            List<Schedule> all = new ArrayList<>();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                Trigger t = scheduler.getTrigger(key);
                if (t == null) {
                    continue; // removed meanwhile
                }
                all.add(new Schedule(
                        key.getName(),
                        t instanceof CronTrigger c ? c.getCronExpression() : null,
                        t instanceof SimpleTrigger s ? s.getRepeatInterval() : null,
                        scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED,
                        vietnam(t.getPreviousFireTime()),
                        vietnam(t.getNextFireTime()),
                        firedBy.get(key.toString())));
            }
            all.sort((a, b) -> a.name().compareTo(b.name()));
            return all;
        } catch (SchedulerException e) {
            throw new IllegalStateException("The schedules cannot be read from the store: " + e.getMessage(), e);
        }
    }

    public Optional<Schedule> find(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Pauses the schedule on every instance. */
    public Schedule pause(String name) {
        return change(name, Scheduler::pauseTrigger);
    }

    /** Resumes a paused schedule: it fires next at its next time. */
    public Schedule resume(String name) {
        return change(name, Scheduler::resumeTrigger);
    }

    private interface Change {
        void apply(Scheduler scheduler, TriggerKey key) throws SchedulerException;
    }

    private Schedule change(String name, Change change) {
        Scheduler scheduler = scheduler();
        TriggerKey key = TriggerKey.triggerKey(name, GROUP);
        try {
            if (scheduler == null || !scheduler.checkExists(key)) {
                throw new UnknownScheduleException(name);
            }
            change.apply(scheduler, key);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Schedule " + name + " could not be changed: " + e.getMessage(), e);
        }
        return find(name).orElseThrow(() -> new UnknownScheduleException(name));
    }

    private Scheduler scheduler() {
        QuartzComponent quartz = camel.getComponent("quartz", QuartzComponent.class);
        return quartz == null ? null : quartz.getScheduler();
    }

    private static OffsetDateTime vietnam(Date d) {
        return d == null ? null : d.toInstant().atZone(Vietnam.ZONE).toOffsetDateTime();
    }
}
