package org.gongjian.roads;

/** Technical condition grade by MQI: 优, 良, 中, 次, 差. 优良中 count towards 优良中等路率. */
public enum Grade {
    EXCELLENT("优"), GOOD("良"), FAIR("中"), POOR("次"), BAD("差");

    private final String zh;

    Grade(String zh) {
        this.zh = zh;
    }

    public String zh() { return zh; }

    public boolean goodOrFair() {
        return this == EXCELLENT || this == GOOD || this == FAIR;
    }
}
