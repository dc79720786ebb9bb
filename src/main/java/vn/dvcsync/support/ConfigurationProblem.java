package vn.dvcsync.support;

/**
 * A configuration the gateway cannot run with. Start-up fails with its message (one line naming the properties)
 * and its remedy, without a stack trace ({@link ConfigurationProblemAnalyzer}).
 */
public class ConfigurationProblem extends RuntimeException {

    private final String action;

    /**
     * @param problem what is wrong, naming the properties
     * @param action  what to set
     */
    public ConfigurationProblem(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
