package vn.dvcsync.admin;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.dvcsync.cluster.GatewayInstance;
import vn.dvcsync.cluster.Instances;
import vn.dvcsync.kernel.Vietnam;
import vn.dvcsync.run.Run;
import vn.dvcsync.run.RunService;

/**
 * The gateway instances on this store (ADMIN): those whose scheduler checked in, with whether they are alive, and
 * those executing a run without a scheduler; each with the run it executes now.
 */
@RestController
@RequestMapping("/api/v1/instances")
class InstanceApi {

    /**
     * One instance.
     *
     * @param lastSeen its scheduler's last check-in, or for an instance without one, its run's start
     * @param alive    checked in within twice its interval (an instance without a scheduler: executing a run)
     * @param self     the instance answering
     * @param run      the run it executes now, or null
     */
    record InstanceView(String id, OffsetDateTime lastSeen, boolean alive, boolean self, Run run) {}

    private final Instances instances;
    private final GatewayInstance self;
    private final RunService runs;

    InstanceApi(Instances instances, GatewayInstance self, RunService runs) {
        this.instances = instances;
        this.self = self;
        this.runs = runs;
    }

    @GetMapping
    List<InstanceView> list() {
        Map<String, Run> running = new LinkedHashMap<>();
        for (Run r : runs.running()) {
            running.put(r.instance() == null ? "" : r.instance(), r);
        }
        List<InstanceView> all = new ArrayList<>();
        for (Instances.Instance i : instances.list()) {
            all.add(new InstanceView(
                    i.id(), i.lastCheckin(), i.alive(), i.id().equals(self.id()), running.remove(i.id())));
        }
        if (all.stream().noneMatch(InstanceView::self)) {
            all.add(new InstanceView(
                    self.id(), OffsetDateTime.now(Vietnam.ZONE), true, true, running.remove(self.id())));
        }
        running.forEach((id, run) -> all.add(new InstanceView(id, run.startedAt(), true, false, run)));
        return all;
    }
}
