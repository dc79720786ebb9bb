package vn.dvcsync.kernel;

import java.time.ZoneId;

/** Vietnam's time zone: the city, the portal and the schedules work in it, whatever the JVM's zone is. */
public final class Vietnam {

    /** {@code Asia/Ho_Chi_Minh} (UTC+7, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Vietnam() {}
}
