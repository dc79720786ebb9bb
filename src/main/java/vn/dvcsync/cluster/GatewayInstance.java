package vn.dvcsync.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * This gateway instance's name among those sharing one store: its host and process ({@code gw-1-4711}). Quartz
 * checks in under it (the instances alive, {@link Instances}), the schedules it fires are recorded under it, and
 * so are the runs it executes.
 */
@Component
public class GatewayInstance {

    private final String id;

    GatewayInstance() {
        this(host() + "-" + ProcessHandle.current().pid());
    }

    /** An instance of this name (a test standing for another instance). */
    public GatewayInstance(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
