package org.gongjian.notification;

/** Where a unit gets its notices besides the in-app inbox. */
public enum ChannelKind {
    /** An e-mail address (the unit's office mailbox), over SMTP. */
    EMAIL,
    /** A WeCom (企业微信) group robot's webhook URL. */
    WECOM,
    /** A DingTalk (钉钉) group robot's webhook URL, with its signing secret when the robot has one. */
    DINGTALK
}
