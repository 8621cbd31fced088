package org.gongjian.ecology.engine;

/** The three parts of GEP: 物质产品 + 调节服务 + 文化服务. */
public enum Category {
    PROVISIONING("物质产品", "Provisioning"),
    REGULATING("调节服务", "Regulating"),
    CULTURAL("文化服务", "Cultural");

    private final String zh;
    private final String en;

    Category(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }

    public String en() { return en; }
}
