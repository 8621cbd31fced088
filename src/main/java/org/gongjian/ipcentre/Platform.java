package org.gongjian.ipcentre;

/** The e-commerce platform of a complaint. */
public enum Platform {
    TAOBAO, JD, PDD, ALIBABA_1688, DOUYIN, AMAZON, OTHER
}
