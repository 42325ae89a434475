package org.bianmin.hotline.similarity;

import java.util.Set;

/**
 * Words nearly every complaint uses (greetings, "serious", "affects", "residents", "please handle"): sharing them
 * says nothing about two requests being the same problem, so they are not counted as shared problem words.
 */
final class GenericWords {

    private static final Set<String> WORDS = Set.of(
            "您好", "领导", "尊敬", "你好", "谢谢", "感谢", "希望", "请问", "请求", "恳请", "要求", "反映", "反应", "投诉", "举报",
            "咨询", "建议", "问题", "情况", "严重", "影响", "非常", "已经", "一直", "现在", "目前", "最近", "每天", "长期", "出现",
            "居民", "业主", "群众", "市民", "本人", "我们", "大家", "生活", "正常", "处理", "解决", "部门", "相关", "有关", "政府",
            "小区", "社区", "附近", "周边", "旁边", "地方", "这个", "那个", "什么", "怎么", "为什么", "是否", "可以", "能够",
            "没有", "不能", "还是", "但是", "因为", "所以", "如果", "这样", "时间", "时候", "一个", "进行", "工作", "管理",
            "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "街道", "区域", "位于", "市长", "书记", "局长", "百忙之中");

    private GenericWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
