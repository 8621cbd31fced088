/**
 * Notifications (通知): an in-app inbox per user, e-mail over SMTP and group-robot webhooks (WeCom,
 * DingTalk) per unit. Requests arrive as events through the event publication registry, so a message
 * raised while a channel is down, or just before a crash, is delivered later, once per channel.
 */
@ApplicationModule(displayName = "通知")
@NullMarked
package org.gongjian.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
