package org.gongjian.industry;

/** The kinds of element a plan's layout names (一带、一核、一平台、两园、多区、N节点). */
public enum ElementKind {
    BELT, CORE, PLATFORM, PARK, AREA, NODE
}
