package org.bianmin.inquiry.application;

import java.util.regex.Pattern;

/**
 * Tells a report of a problem someone must fix ("楼下路灯坏了三天了", "闻到很重的煤气味") from a question about
 * it ("垃圾怎么分类"). A report is handed off to the hotline intake instead of only being answered.
 */
final class ProblemReportDetector {

    private static final Pattern REPORT = Pattern.compile(String.join("|",
            // something is broken or not working
            "坏了", "坏掉", "不亮", "不出水", "没水了", "没电了", "停水了", "停电了", "跳闸", "断了", "漏水", "渗水",
            "爆管", "爆了", "堵了", "堵住", "堵死", "冒水", "冒烟", "着火", "起火", "积水", "塌", "掉了", "丢了井盖",
            "不见了", "被偷", "困在", "困人", "关在",
            // a nuisance happening now
            "太吵", "很吵", "好吵", "吵得", "吵死", "扰民", "噪音大", "噪音太大", "睡不着", "味道很大", "臭", "熏",
            "油烟大", "油烟太大", "乱扔", "乱倒", "乱堆", "乱停", "乱摆", "占道", "堵着", "挡着", "霸占",
            // danger
            "泄漏", "泄露", "漏气", "煤气味", "燃气味", "天然气味", "闻到",
            // asking for someone to come or act
            "派人", "上门", "来修", "来处理", "来看看", "来通", "管一管", "管管", "有没有人管", "没人管", "处理一下",
            "我要投诉", "我要举报", "投诉一下", "举报一下", "反映一下", "反映个", "反映一个"));

    boolean isProblemReport(String text) {
        return REPORT.matcher(text).find();
    }
}
