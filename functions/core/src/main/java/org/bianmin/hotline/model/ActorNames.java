package org.bianmin.hotline.model;

import java.util.Map;

/**
 * The audit trail's words for who acted: a staff event names the department (or the dispatch centre) it was
 * written for; citizens, intake channels and system jobs are named from their identifiers. Raw identifiers stay
 * on the event for the audit; this is what the desk shows.
 */
public final class ActorNames {

    public static final String DISPATCH_CENTRE = "12345热线分拨中心";

    private static final Map<String, String> SYSTEM = Map.of(
            "citizen", "市民",
            "dispatch-queue", "系统（派单通知）",
            "sla-scheduler", "系统（超时督办）",
            "dispatcher", DISPATCH_CENTRE);
    private static final Map<String, String> CHANNELS = Map.of(
            "chatbot", "智能客服", "web", "网页", "api", "开放接口", "phone", "电话", "wechat", "微信",
            "app", "App", "open311", "Open311接口", "device", "物联感知设备", "sms", "短信");

    private ActorNames() {
    }

    public static String of(TicketEvent event) {
        String actor = event.actor();
        if (actor != null && SYSTEM.containsKey(actor)) {
            return SYSTEM.get(actor);
        }
        if (event.actorName() != null && !event.actorName().isBlank()) {
            return event.actorName();
        }
        if (actor == null) {
            return "—";
        }
        if (actor.startsWith("channel:")) {
            String channel = actor.substring("channel:".length());
            return "市民（" + CHANNELS.getOrDefault(channel, channel) + "）";
        }
        if (actor.startsWith("import:")) {
            return "历史数据导入";
        }
        if (actor.startsWith("device:")) {
            return "物联感知设备";
        }
        return "工作人员";
    }
}
