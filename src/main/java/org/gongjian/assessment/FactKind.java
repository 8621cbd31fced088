package org.gongjian.assessment;

/** What an item of a score is, and so which component it belongs to. */
public enum FactKind {
    TARGET(Component.ATTAINMENT),
    MILESTONE(Component.TIMELINESS),
    REPORT(Component.TIMELINESS),
    NOTICE(Component.SUPERVISION),
    RATING(Component.QUALITY),
    HONOUR(Component.HONOURS);

    private final Component component;

    FactKind(Component component) {
        this.component = component;
    }

    public Component component() { return component; }

    public String messageKey() { return "assessment.kind." + name(); }
}
