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
        case "qcPassed": Message(zh: "质检通过", en: "QC passed")
        case "qcFailed": Message(zh: "质检不通过", en: "QC failed")
        case "assign": Message(zh: "派工", en: "assigned")
        case "reassign": Message(zh: "改派", en: "reassigned")
        case "approve": Message(zh: "客户同意增项", en: "added work approved")
        case "decline": Message(zh: "客户拒绝增项", en: "added work declined")
        case "switchOperator": Message(zh: "切换操作员", en: "operator switch")
        case "switchRefused": Message(zh: "切换操作员被拒", en: "operator switch refused")
        case "pinSet": Message(zh: "设置 PIN", en: "PIN set")
        case "pinCleared": Message(zh: "清除 PIN", en: "PIN cleared")
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

    public static let yes = Message(zh: "是", en: "yes")
    public static let no = Message(zh: "否", en: "no")

    /// A column of the trail's detail in the shop's words; an unknown one as itself without `_`.
    public static func field(_ raw: String, entity: String) -> Message {
        switch raw {
        case "owner_id": entity == "vehicle" ? Message(zh: "车主", en: "owner") : Message(zh: "负责人", en: "handler")
        case "customer_id": Message(zh: "客户", en: "customer")
        case "vehicle_id": Message(zh: "车辆", en: "car")
        case "repair_order_id": Message(zh: "工单", en: "RO")
        case "earlier_repair_order_id": Message(zh: "原工单", en: "earlier RO")
        case "later_repair_order_id": Message(zh: "返修工单", en: "later RO")
        case "advisor_id": Message(zh: "服务顾问", en: "advisor")
        case "technician_id", "to_technician_id": Message(zh: "技师", en: "technician")
        case "from_technician_id": Message(zh: "原技师", en: "previous technician")
        case "responsible_technician_id": Message(zh: "责任技师", en: "responsible technician")
        case "inspector_id", "inspector_name": Message(zh: "质检员", en: "inspector")
        case "decided_by_id": Message(zh: "决定人", en: "decided by")
        case "caller_id", "operator_id": Message(zh: "操作人", en: "by")
        case "appointment_id": Message(zh: "预约", en: "appointment")
        case "passed": Message(zh: "质检通过", en: "QC passed")
        case "stage": Message(zh: "状态", en: "stage")
        case "from_stage": Message(zh: "原状态", en: "from stage")
        case "to_stage": Message(zh: "新状态", en: "to stage")
        case "name": Message(zh: "姓名", en: "name")
        case "phones", "phone": Message(zh: "电话", en: "phone")
        case "contact_phone": Message(zh: "联系电话", en: "contact phone")
        case "plate": Message(zh: "车牌", en: "plate")
        case "vin": Message(zh: "VIN", en: "VIN")
        case "model": Message(zh: "车型", en: "model")
        case "number": Message(zh: "工单号", en: "number")
        case "mileage_in": Message(zh: "进厂里程", en: "mileage in")
        case "km": Message(zh: "里程", en: "km")
        case "last_km": Message(zh: "上次里程", en: "last km")
        case "odometer_reason": Message(zh: "里程原因", en: "km reason")
        case "note", "notes": Message(zh: "备注", en: "note")
        case "reason": Message(zh: "原因", en: "reason")
        case "promised_at": Message(zh: "承诺交车", en: "promised")
        case "old_promised_at": Message(zh: "原承诺", en: "old promise")
        case "new_promised_at": Message(zh: "新承诺", en: "new promise")
        case "estimate_labour": Message(zh: "预估工时费", en: "estimate labour")
        case "estimate_parts": Message(zh: "预估材料费", en: "estimate parts")
        case "final_labour": Message(zh: "结算工时费", en: "final labour")
        case "final_parts": Message(zh: "结算材料费", en: "final parts")
        case "description": Message(zh: "内容", en: "description")
        case "status": Message(zh: "状态", en: "status")
        case "outcome": Message(zh: "结果", en: "outcome")
        case "concerns": Message(zh: "故障描述数", en: "concerns")
        case "jobs": Message(zh: "作业数", en: "jobs")
        case "service_type": Message(zh: "服务类型", en: "service type")
        case "is_waiter": Message(zh: "在店等候", en: "waiter")
        case "detail": Message(zh: "详情", en: "detail")
        default:
            Message(zh: raw.replacingOccurrences(of: "_", with: " "), en: raw.replacingOccurrences(of: "_", with: " "))
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
        case "quality_check": Message(zh: "质检", en: "QC")
        case "delay_notice": Message(zh: "延误通知", en: "delay notice")
        case "setting": Message(zh: "设置", en: "setting")
        case "database": Message(zh: "数据库", en: "database")
        default: Message(zh: raw, en: raw)
        }
    }

    public static func readFailed(_ reason: String) -> Message {
        Message(zh: "读取操作记录失败：\(reason)", en: "Could not read the audit trail: \(reason)")
    }
}
