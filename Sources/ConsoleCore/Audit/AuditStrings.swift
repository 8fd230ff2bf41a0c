import Foundation
import ServiceDomain

/// Texts of the audit overlay.
public enum AuditStrings {
    public static let keyApply = Message(zh: "筛选/详情", en: "Filter/detail")
    public static let keyApplyHelp = Message(zh: "应用筛选；筛选未变时显示所选记录的改动",
                                             en: "Apply the filter; when unchanged, show the selected row's changes")
    public static let keyScroll = Message(zh: "翻阅", en: "Scroll")
    public static let keyClearFilter = Message(zh: "清空筛选", en: "Clear the filter")
    public static let keyClose = Message(zh: "关闭", en: "Close")
    public static let filterLabel = Message(zh: "筛选：", en: "Filter: ")
    public static let filterHint = Message(zh: "ro:工单号  customer:姓名/电话  person:登录名/姓名  或直接输入",
                                           en: "ro:RO number  customer:name/phone  person:login/name  or free text")
    public static let loading = Message(zh: "正在读取…", en: "Loading…")
    public static let empty = Message(zh: "没有符合条件的记录。", en: "No entries match.")
    public static let moreBelow = Message(zh: "向下翻阅可读取更早的记录", en: "scroll down for older entries")
    public static let columnTime = Message(zh: "时间", en: "Time")
    public static let columnPerson = Message(zh: "操作人", en: "By")
    public static let columnAction = Message(zh: "操作", en: "Action")
    public static let columnRecord = Message(zh: "记录", en: "Record")
    public static let columnChanges = Message(zh: "改动", en: "Changes")
    public static let detailTitle = Message(zh: "改动详情", en: "Changes in detail")
    public static let noChanges = Message(zh: "（无字段改动）", en: "(no field changes)")

    public static func shown(_ count: Int, more: Bool) -> Message {
        more ? Message(zh: "已显示 \(count) 条（还有更早的）", en: "\(count) shown (older ones follow)")
            : Message(zh: "共 \(count) 条", en: "\(count) shown")
    }

    public static func action(_ raw: String) -> Message {
        switch raw {
        case "insert": Message(zh: "新建", en: "created")
        case "update": Message(zh: "修改", en: "changed")
        case "stageChange": Message(zh: "状态变更", en: "stage change")
        case "mileage": Message(zh: "里程", en: "mileage")
        case "callAttempt": Message(zh: "回访拨打", en: "call attempt")
        case "answers": Message(zh: "回访答复", en: "call answers")
        case "deliveryOverride": Message(zh: "越过交车检查", en: "delivery override")
        case "delayNotified": Message(zh: "延误通知", en: "delay notice")
        case "bulkLoad": Message(zh: "批量导入", en: "bulk load")
        case "import": Message(zh: "导入", en: "import")
        case "export": Message(zh: "导出", en: "export")
        case "setting": Message(zh: "设置", en: "setting")
        case "restore": Message(zh: "从备份恢复", en: "restore")
        default: Message(zh: raw, en: raw)
        }
    }

    public static func entity(_ raw: String) -> Message {
        switch raw {
        case "customer": Message(zh: "客户", en: "customer")
        case "vehicle": Message(zh: "车辆", en: "vehicle")
        case "staff": Message(zh: "员工", en: "staff")
        case "repair_order": Message(zh: "工单", en: "RO")
        case "job": Message(zh: "作业", en: "job")
        case "concern": Message(zh: "故障描述", en: "concern")
        case "appointment": Message(zh: "预约", en: "appointment")
        case "callback": Message(zh: "回访", en: "callback")
        case "call_attempt": Message(zh: "拨打记录", en: "call attempt")
        case "complaint": Message(zh: "投诉", en: "complaint")
        case "comeback": Message(zh: "返修", en: "comeback")
        case "setting": Message(zh: "设置", en: "setting")
        case "database": Message(zh: "数据库", en: "database")
        default: Message(zh: raw, en: raw)
        }
    }
}
